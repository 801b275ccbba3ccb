// A text's tokens packed into a few bytes, so that what MeCab found at indexing time can be had
// again at search time without running it: snippets mark the very tokens that were indexed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"
#include "text/normalize.h"

namespace tsubo {

// Each token's place in the normalised text and its kind, about a byte per token, with a
// fingerprint of that text. normalized_text is normalize_for_search(text).text, which
// Analyzer::analyze(text) produced the tokens from.
std::string pack_token_spans(const std::vector<Token>& tokens, std::string_view normalized_text);

// The tokens Analyzer::analyze(text) gave when they were packed, rebuilt over norm =
// normalize_for_search(text). nullopt when the packed spans do not fit norm (a damaged value, or
// text normalised differently since), so the caller can analyse the text instead.
std::optional<std::vector<Token>> unpack_token_spans(std::string_view packed, const NormalizedText& norm);

}  // namespace tsubo
