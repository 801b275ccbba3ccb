// ICU-based normalisation for search: NFKC, width and case folding, with a map back to the original.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

// Normalised text plus, for every byte of it, the byte range of the original text it came from,
// so that a token found in the normalised text can be highlighted exactly in the original.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> source_begin;  // size == text.size()
  std::vector<uint32_t> source_end;    // size == text.size()
};

// NFKC (so ２条６項 → 2条6項, ｶﾀｶﾅ → カタカナ, ⑴ → (1)), lower case, control characters and
// variation selectors dropped, every white space a single ASCII space, and ASCII spaces that
// stand between two Japanese characters dropped (PDF text spaces out words: 株 式 会 社).
// The ideographic space U+3000 stays a separator: statutes use it between enumerator and text.
NormalizedText normalize_for_search(std::string_view original);

// Just the normalised string, for metadata and identifiers (case numbers, court names).
std::string normalize_nfkc(std::string_view s);

}  // namespace tsubo
