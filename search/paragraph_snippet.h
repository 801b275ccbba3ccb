// The snippet of a statute hit whose paragraph the query cites (不正競争防止法2条6項): that paragraph,
// marked, instead of the densest window of the query's words (for 第二条, 22 items in 11 paragraphs,
// that window lay among items 五・六 and marked nothing of 第六項).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tsubo {

// Paragraph `paragraph` (1, 6) of an article's passage text — the first line is paragraph 1, a line
// "６　…" opens paragraph 6 — with its items, as HTML: escaped, the paragraph's own sentence in
// <mark>, cut to about max_chars characters. nullopt when the article has no such paragraph.
std::optional<std::string> paragraph_snippet(std::string_view article_text, const std::string& paragraph,
                                             std::size_t max_chars = 200);

}  // namespace tsubo
