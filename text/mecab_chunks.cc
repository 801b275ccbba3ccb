// Cutting normalised text into the pieces MeCab parses one at a time.
#include "text/mecab_chunks.h"

#include "text/utf8.h"

namespace tsubo {
namespace {

// The kinds of character MeCab's ipadic groups into one unknown word when they follow each other
// (char.def: ALPHA, NUMERIC, KATAKANA, KANJINUMERIC, GREEK, CYRILLIC, SYMBOL), roughly; kana and
// kanji get kinds of their own so that a run of them counts too.
int char_kind(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return 1;
    if (cp >= '0' && cp <= '9') return 2;
    return cp == ' ' ? 0 : 3;
  }
  if (cp >= 0x3041 && cp <= 0x309F) return 4;                    // hiragana
  if (cp >= 0x30A0 && cp <= 0x30FF) return 5;                    // katakana and ー
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return 6;
  if (cp >= 0x0370 && cp <= 0x03FF) return 7;
  if (cp >= 0x0400 && cp <= 0x04FF) return 8;
  return 9;
}

// At most kMaxChunkBytes, cut after a 。 or a space when there is one in the window, else at a code
// point boundary.
std::size_t sentence_end(std::string_view s, std::size_t from) {
  const std::size_t limit = from + kMaxChunkBytes;
  if (limit >= s.size()) return s.size();
  static constexpr std::string_view kPeriod = "。";
  const std::size_t window_start = from + kMaxChunkBytes / 2;
  std::size_t cut = s.rfind(kPeriod, limit - kPeriod.size());
  if (cut != std::string_view::npos && cut >= window_start) return cut + kPeriod.size();
  cut = s.rfind(' ', limit - 1);
  if (cut != std::string_view::npos && cut >= window_start) return cut + 1;
  std::size_t end = limit;
  while (end > from && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

std::size_t chunk_end(std::string_view s, std::size_t from) {
  const std::size_t end = sentence_end(s, from);
  int kind = -1;
  std::size_t run = 0;
  for (std::size_t i = from; i < end;) {
    const std::size_t at = i;
    const int k = char_kind(utf8::next(s, i));
    run = k == kind ? run + 1 : 1;
    kind = k;
    if (run > kMaxRunChars) return at;
  }
  return end;
}

}  // namespace tsubo
