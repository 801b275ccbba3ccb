// Joins a ruling's hard-wrapped PDF lines into paragraphs and heading lines.
#include "corpus/ruling_layout.h"

#include "text/japanese_numbers.h"
#include "text/utf8.h"

namespace tsubo::ruling {
namespace {

using Kind = HeadingLine::Kind;

char32_t first_cp(std::string_view s) {
  std::size_t i = 0;
  return s.empty() ? 0 : utf8::next(s, i);
}

char32_t last_cp(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  return s.empty() ? 0 : utf8::next(s, i);
}

// Lines that stand alone whatever their width: 主文, 判決, 【原告の主張】, （別紙）.
bool stands_alone(Kind kind) {
  return kind == Kind::Root || kind == Kind::Appendix || kind == Kind::Judgment || kind == Kind::Bracket;
}

// "…原告は，" cannot be followed by a heading: the sentence goes on.
bool ends_mid_sentence(std::string_view text) {
  return std::u32string_view(U"，、,・「『（(").find(last_cp(text)) != std::u32string_view::npos;
}

bool starts_with_closing_punctuation(std::string_view text) {
  return std::u32string_view(U"）)」』】〕，、。").find(first_cp(text)) != std::u32string_view::npos;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
bool starts_with_era(std::string_view s) {
  return starts_with(s, "令和") || starts_with(s, "平成") || starts_with(s, "昭和");
}

// The title lines of a judgment found in the middle of its text, where the PDF extraction put them
// (88168: "平成３０年（あ）第５８２号  不正競争防止法違反被告事件" and "平成３０年１２月３日  第二小法廷決定"
// between two halves of a word). They repeat the metadata.
bool is_displaced_title(std::string_view text) {
  if (!starts_with_era(text)) return false;
  const std::string c = utf8::remove_spaces(text);
  if (contains(c, "。") || contains(c, "，")) return false;
  if (ends_with(c, "事件"))
    return utf8::length(c) <= 40 && contains(c, "号") && (contains(c, "年（") || contains(c, "年("));
  return (ends_with(c, "判決") || ends_with(c, "決定")) && (contains(c, "法廷") || contains(c, "裁判所")) &&
         utf8::length(c) <= 30 && find_japanese_date(c).has_value();
}

// Whether the paragraph (or heading) in `block`, whose last line is `line`, ends before `next`.
// Before 主文 (court, case number, parties, one item a line) only lines that fill the page wrap.
bool breaks_after(const Block& block, const pdf_text::Line& line, const pdf_text::Line& next, int full_width,
                  bool main_text) {
  if (line.nul_end || stands_alone(block.heading.kind)) return true;
  if (pdf_text::ends_sentence(line.text)) {
    if (last_cp(line.text) == U'。') return !starts_with_closing_punctuation(next.text);
    return !pdf_text::continues_on(next.text);  // "…という。）" + "に対し"
  }
  const bool heading_line = block.heading.kind == Kind::Enumerated && block.lines.size() == 1;
  // A heading can fill its line: "第７  論理則，経験則違反に関する訴訟手続の法令違反の主張について"
  // (87028) is followed by "所論は，…", not by more of the title.
  if (heading_line && (ends_with(line.text, "について") || ends_with(line.text, "の有無") ||
                       ends_with(line.text, "の成否")))
    return !pdf_text::continues_on(next.text);
  // Before 主文 every item starts its own line: 令和元年１０月９日判決言渡 / 令和元年（ネ）第…号.
  if (!main_text && (starts_with_era(next.text) || starts_with(next.text, "口頭弁論"))) return true;
  // A heading line is judged strictly too: a title that fills less than a line was not wrapped.
  const double ratio = !main_text ? 0.9 : heading_line ? 0.85 : 0.7;
  return full_width > 0 && line.width < ratio * full_width;
}

void finish(Block& block, const std::vector<pdf_text::Line>& lines) {
  block.begin = lines[block.lines.front()].begin;
  block.end = lines[block.lines.back()].end;
  if (block.heading.kind == Kind::Enumerated) {
    // The title may have wrapped onto further lines: take it from the joined text.
    std::size_t prefix = 0;
    for (const auto& e : block.heading.enumerators) prefix += e.text.size();
    block.heading.title = utf8::trim(std::string_view(block.text).substr(prefix));
  }
}

}  // namespace

std::vector<Block> layout_blocks(const std::vector<pdf_text::Line>& lines) {
  const std::vector<int> full_width = pdf_text::local_full_widths(lines);
  // Vertical text comes out one character a line (92952: 画 / 像 / １): runs of three or more
  // such lines are read as one line.
  std::vector<bool> vertical(lines.size(), false);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j < lines.size() && !lines[j].text.empty() && utf8::length(lines[j].text) == 1) ++j;
    for (std::size_t k = i; j - i >= 3 && k < j; ++k) vertical[k] = true;
    i = j > i ? j : i + 1;
  }

  std::vector<Block> blocks;
  bool open = false, main_text = false;
  std::size_t prev = 0;  // the last line of the open block
  auto close = [&] {
    if (open) finish(blocks.back(), lines);
    open = false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (line.page_break) continue;  // the text goes on across it
    if (line.text.empty()) {
      close();
      continue;
    }
    if (pdf_text::is_page_number(line.text) || (main_text && is_displaced_title(line.text))) continue;
    if (open && vertical[i] && vertical[prev] && prev + 1 == i) {
      blocks.back().lines.push_back(i);
      blocks.back().text += line.text;
      prev = i;
      continue;
    }
    const bool prev_breaks = !open || breaks_after(blocks.back(), lines[prev], line, full_width[prev], main_text);
    // A bare number inside a running sentence is a page number; after a paragraph end it is an
    // enumerator standing alone (85426: "１" on its own line opens part 1).
    if (!prev_breaks && pdf_text::is_bare_number(line.text)) continue;

    HeadingLine h = classify_heading(line.text, main_text);
    if (line.lost_enumerator && h.kind == Kind::None) {
      h.kind = Kind::Enumerated;
      h.level = kParenNumber;
      h.enumerators = {{kParenNumber, ""}};
      h.title = line.text;
      h.spaced = true;
    }
    bool start = prev_breaks || stands_alone(h.kind);
    if (!start && h.kind == Kind::Enumerated && h.spaced && !ends_mid_sentence(lines[prev].text)) start = true;

    if (start) {
      close();
      Block b;
      if (h.kind != Kind::None) b.heading = std::move(h);
      b.lines.push_back(i);
      b.text = line.text;
      if (b.heading.kind == Kind::Root && b.heading.name == "主文") main_text = true;
      blocks.push_back(std::move(b));
      open = true;
    } else {
      blocks.back().lines.push_back(i);
      blocks.back().text += line.text;
    }
    prev = i;
  }
  close();
  return blocks;
}

}  // namespace tsubo::ruling
