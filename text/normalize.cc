// Segment-wise NFKC so that each output byte knows which input bytes produced it.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "text/utf8.h"

namespace tsubo {
namespace {

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("[text][icu] NFKC normaliser unavailable");
  return *n;
}

bool is_dropped(char32_t cp) {
  return (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') || cp == 0x7F ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
         (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x00AD;
}

// Appends one normalised segment, mapping every output byte to [begin, end) of the input.
void emit(NormalizedText& out, const icu::UnicodeString& segment, uint32_t begin, uint32_t end,
          const icu::Normalizer2& norm) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = norm.normalize(segment, status);
  if (U_FAILURE(status)) normalized = segment;
  for (int32_t k = 0; k < normalized.length();) {
    UChar32 cp = normalized.char32At(k);
    k += U16_LENGTH(cp);
    if (utf8::is_space(static_cast<char32_t>(cp))) cp = ' ';
    else cp = u_tolower(cp);
    if (cp == ' ' && (out.text.empty() || out.text.back() == ' ')) continue;  // collapse runs
    const std::size_t before = out.text.size();
    utf8::append(out.text, static_cast<char32_t>(cp));
    out.source_begin.resize(out.text.size(), begin);
    out.source_end.resize(out.text.size(), end);
    (void)before;
  }
}

}  // namespace

NormalizedText normalize_for_search(std::string_view original) {
  const icu::Normalizer2& norm = nfkc();
  NormalizedText out;
  out.text.reserve(original.size());
  out.source_begin.reserve(original.size());
  out.source_end.reserve(original.size());

  icu::UnicodeString segment;
  uint32_t seg_begin = 0, seg_end = 0;
  char32_t last_kept = 0;  // last code point of the input that was not white space

  std::size_t i = 0;
  while (i < original.size()) {
    const std::size_t at = i;
    char32_t cp = utf8::next(original, i);
    if (is_dropped(cp)) continue;

    if (cp == ' ') {
      // Look past the run of ASCII spaces: drop it when Japanese stands on both sides.
      std::size_t j = i;
      while (j < original.size() && original[j] == ' ') ++j;
      std::size_t peek = j;
      const char32_t following = j < original.size() ? utf8::next(original, peek) : 0;
      if (utf8::is_cjk(last_kept) && utf8::is_cjk(following)) {
        i = j;
        continue;
      }
    }
    if (!utf8::is_space(cp)) last_kept = cp;

    if (!segment.isEmpty() && norm.hasBoundaryBefore(static_cast<UChar32>(cp))) {
      emit(out, segment, seg_begin, seg_end, norm);
      segment.remove();
    }
    if (segment.isEmpty()) seg_begin = static_cast<uint32_t>(at);
    segment.append(static_cast<UChar32>(cp));
    seg_end = static_cast<uint32_t>(i);
  }
  if (!segment.isEmpty()) emit(out, segment, seg_begin, seg_end, norm);
  return out;
}

std::string normalize_nfkc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString n = nfkc().normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace tsubo
