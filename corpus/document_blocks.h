// A Word or HTML document read as blocks (headings with their level, paragraphs, list items, table
// rows) and written as the Markdown that the guidance importer splits into passages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tsubo {

struct TextBlock {
  enum Kind { Heading, Paragraph, ListItem, TableRow } kind = Paragraph;
  int level = 0;     // Heading: 1 (outermost) … 6
  std::string text;  // UTF-8; a paragraph may hold line breaks, a table row its cells joined by " | "
};

// An article of a company rule (社内規程) as Word and HTML carry it, heading and text in one
// paragraph: 第1条（目的）この規程は… or 第１条　この規程は… → {"第1条（目的）", "この規程は…"} (the
// caption kept as written, the body empty when the paragraph is only the heading). nullopt for any
// other paragraph, also one that only cites an article (第3条の規定にかかわらず、…).
std::optional<std::pair<std::string, std::string>> split_article_paragraph(std::string_view paragraph);

// Markdown for parse_structured_markdown: headings as #…######, list items as "- ", table rows and
// paragraphs as lines, blocks apart by blank lines. An article paragraph becomes its heading line
// and its text, a caption alone on the line before it (（目的）) joins the heading. Text that Markdown
// would read as markup at the start of a line (#, >, -, *, +) is kept as text.
std::string blocks_to_markdown(const std::vector<TextBlock>& blocks);

}  // namespace tsubo
