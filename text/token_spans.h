// A text's tokens packed into a few bytes, so that what MeCab found at indexing time can be had
// again at search time without running it (or the normaliser): snippets mark the very tokens that
// were indexed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace tsubo {

// The tokens Analyzer::analyze(text) gave: their places in text, their kinds, and the terms of the
// few whose term is not their surface (２ → 2, ＡＢＣ → abc), with a fingerprint of text.
std::string pack_token_spans(const std::vector<Token>& tokens, std::string_view text);

// Those tokens again, the same as analyze(text) gives. nullopt when the packed spans are not
// text's (another text, a damaged value), so that the caller can analyse the text instead.
std::optional<std::vector<Token>> unpack_token_spans(std::string_view packed, std::string_view text);

}  // namespace tsubo
