// Snippets for search hits without running MeCab over the whole passage: only the stretch where the
// query's words can be is analysed (a ruling's passage runs to several KB; the snippet shows 200 characters).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search/snippet.h"

namespace tsubo {

class Analyzer;

// make_snippet (search/snippet.h) of a passage, for the hit list. Short passages go to make_snippet
// whole. In a longer one the highlight terms are first looked for in the normalised text (every
// token MeCab can produce is a substring of it, so no match is missed), the densest window of
// those occurrences is picked as make_snippet would, and only the sentences around it, about two
// windows long, are analysed and marked. The marks are exact; the window can differ from
// make_snippet's when a term occurs inside a longer word elsewhere (性 in 可能性).
std::string passage_snippet(std::string_view text, const std::vector<std::string>& highlight_terms,
                            const Analyzer& analyzer, const SnippetOptions& options = {});

// The same from the tokens the indexer packed with the passage (text/token_spans.h): no MeCab at
// all, and the snippet is make_snippet's exactly. Empty or unfitting packed tokens (an index
// built before they were stored): as above.
std::string passage_snippet(std::string_view text, std::string_view packed_tokens,
                            const std::vector<std::string>& highlight_terms, const Analyzer& analyzer,
                            const SnippetOptions& options = {});

// The stretches of a passage the highlight terms match, as the passage writes them, each once, in
// order of first occurrence: 秘密管理性, 秘密として管理されている (for --explain). From the packed
// tokens when they fit the text, else by analysing the whole passage.
std::vector<std::string> matched_words(std::string_view text, std::string_view packed_tokens,
                                       const std::vector<std::string>& highlight_terms, const Analyzer& analyzer);

}  // namespace tsubo
