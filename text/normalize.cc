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

// Per BMP code point, computed once with ICU itself: whether NFKC starts a new segment before it,
// and whether NFKC leaves it unchanged when it stands alone in its segment. Most of a statute
// (kanji, kana, ASCII) is such a lone, stable code point, so the normaliser is called only for the
// rest; the output is the same as normalising every segment.
class BmpTable {
 public:
  static constexpr uint8_t kBoundaryBefore = 1;
  static constexpr uint8_t kStableAlone = 2;

  explicit BmpTable(const icu::Normalizer2& norm) {
    for (UChar32 cp = 0; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // utf8::next never yields surrogates
      uint8_t f = 0;
      if (norm.hasBoundaryBefore(cp)) f |= kBoundaryBefore;
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString alone(cp);
      if (norm.normalize(alone, status) == alone && U_SUCCESS(status)) f |= kStableAlone;
      flags_[cp] = f;
    }
  }
  bool boundary_before(const icu::Normalizer2& norm, char32_t cp) const {
    return cp < 0x10000 ? (flags_[cp] & kBoundaryBefore) != 0 : norm.hasBoundaryBefore(static_cast<UChar32>(cp));
  }
  bool stable_alone(char32_t cp) const { return cp < 0x10000 && (flags_[cp] & kStableAlone) != 0; }

 private:
  uint8_t flags_[0x10000] = {};
};

const BmpTable& bmp_table() {
  static const BmpTable table(nfkc());
  return table;
}

// Appends one output code point (white space → ' ', else lower case), mapped to [begin, end).
inline void emit_code_point(NormalizedText& out, UChar32 cp, uint32_t begin, uint32_t end) {
  if (utf8::is_space(static_cast<char32_t>(cp))) cp = ' ';
  else cp = u_tolower(cp);
  if (cp == ' ' && (out.text.empty() || out.text.back() == ' ')) return;  // collapse runs
  const std::size_t before = out.text.size();
  utf8::append(out.text, static_cast<char32_t>(cp));
  for (std::size_t k = before; k < out.text.size(); ++k) {
    out.source_begin.push_back(begin);
    out.source_end.push_back(end);
  }
}

// Appends one normalised segment, mapping every output byte to [begin, end) of the input.
void emit(NormalizedText& out, const icu::UnicodeString& segment, uint32_t begin, uint32_t end,
          const icu::Normalizer2& norm) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = norm.normalize(segment, status);
  if (U_FAILURE(status)) normalized = segment;
  for (int32_t k = 0; k < normalized.length();) {
    const UChar32 cp = normalized.char32At(k);
    k += U16_LENGTH(cp);
    emit_code_point(out, cp, begin, end);
  }
}

// The segment being collected: usually one code point, kept without ICU until a second one joins.
class Segment {
 public:
  bool empty() const { return count_ == 0; }
  void start(char32_t cp, uint32_t begin) {
    first_ = cp;
    count_ = 1;
    begin_ = begin;
    more_.remove();
  }
  void append(char32_t cp) {
    if (count_ == 1) more_.append(static_cast<UChar32>(first_));
    more_.append(static_cast<UChar32>(cp));
    ++count_;
  }
  void set_end(uint32_t end) { end_ = end; }
  void flush(NormalizedText& out, const icu::Normalizer2& norm, const BmpTable& table) {
    if (count_ == 1 && table.stable_alone(first_)) {
      emit_code_point(out, static_cast<UChar32>(first_), begin_, end_);
    } else if (count_ == 1) {
      emit(out, icu::UnicodeString(static_cast<UChar32>(first_)), begin_, end_, norm);
    } else if (count_ > 1) {
      emit(out, more_, begin_, end_, norm);
    }
    count_ = 0;
  }

 private:
  char32_t first_ = 0;
  std::size_t count_ = 0;
  uint32_t begin_ = 0, end_ = 0;
  icu::UnicodeString more_;
};

}  // namespace

NormalizedText normalize_for_search(std::string_view original) {
  const icu::Normalizer2& norm = nfkc();
  NormalizedText out;
  out.text.reserve(original.size());
  out.source_begin.reserve(original.size());
  out.source_end.reserve(original.size());

  const BmpTable& table = bmp_table();
  Segment segment;
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

    if (!segment.empty() && table.boundary_before(norm, cp)) segment.flush(out, norm, table);
    if (segment.empty()) segment.start(cp, static_cast<uint32_t>(at));
    else segment.append(cp);
    segment.set_end(static_cast<uint32_t>(i));
  }
  segment.flush(out, norm, table);
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
