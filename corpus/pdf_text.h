// Text extracted from PDFs (courts.go.jp rulings, later PDF imports): source lines with their byte
// offsets, NUL and bold-rendering artefacts undone, and the tests used to join hard line wraps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo::pdf_text {

// One line of the extracted text. `text` is cleaned (see clean_line); begin/end are the byte range
// of the raw line in the source, without its newline.
struct Line {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
  int width = 0;                 // display_width(text)
  bool page_break = false;       // the raw line held only NULs and spaces: a page break
  bool nul_end = false;          // the raw line ended in a NUL: the extractor marks paragraph ends so
  bool lost_enumerator = false;  // the raw line began with NULs and then spaces: an enumerator (⑴) lost
};

// Splits at \n (a \r before it is dropped) and cleans every line.
std::vector<Line> split_lines(std::string_view text);

// The cleaning split_lines applies to one raw line: NULs removed, except that a NUL-wrapped single
// enumerator character becomes parenthesised (82678: "\0イ\0  ハ号商品" → "(イ)  ハ号商品");
// variation selectors dropped; tabs become spaces; bold rendering undone (see undo_bold_repetition);
// white space trimmed at both ends.
Line clean_line(std::string_view raw);

// Bold text rendered by overprinting comes out with every run repeated four times (83423:
// "第第第第３３３３     争点争点争点争点" for "第３  争点"). Returns the line with the repetition
// undone, or the line unchanged when it does not have that shape.
std::string undo_bold_repetition(std::string_view line);

// Width in half-width columns: ASCII and half-width katakana count 1, everything else 2.
int display_width(std::string_view s);

// The width of a full line on the page (90th percentile of the non-empty lines; 0 when none).
// A line noticeably narrower than this was not wrapped by the PDF, so it ends its paragraph.
int full_line_width(const std::vector<Line>& lines);

// The width of a full line around each line: the widest of its three neighbours either side, kept
// between 3/4 of full_line_width and full_line_width. Text indented as a block (the 主文 of a
// Supreme Court judgment) wraps at a narrower width than the page's.
std::vector<int> local_full_widths(const std::vector<Line>& lines);

// True when the line ends a sentence: 。 possibly followed by closing brackets (。」, 。）).
bool ends_sentence(std::string_view line);

// True when a line ending with a closing bracket after 。 still continues on `next`
// ("（以下「原告」という。）" + "に対し…"): next starts with a particle or closing punctuation.
bool continues_on(std::string_view next);

// Page furniture: a page number on a line of its own, decorated ("- 12 -", "－１２－", "12/30").
// A bare number ("１２") is ambiguous with an enumerator standing alone; callers decide from context.
bool is_page_number(std::string_view line);

// True when the line is a bare number (ASCII or full-width digits only, at most 3).
bool is_bare_number(std::string_view line);

// Collapses every run of white space into one ASCII space and trims.
std::string collapse_spaces(std::string_view s);

}  // namespace tsubo::pdf_text
