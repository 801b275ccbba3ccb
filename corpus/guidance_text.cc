// Guidance documents (plain text, or Markdown such as slides extracted to Markdown) → one passage
// per section: a heading with the paragraphs under it, tiny sections merged, long ones split.
//
// Headings are found line by line, strongest signal first:
//   - Markdown `#`…`######` (Markdown input only): level = number of #.
//   - Enumerated lines of Japanese official documents, with fixed levels
//     第1編 > 第1章 > 第1節 > 第1款 > 第1 > 1 / 1. > (1) ⑴ > ア > (ア) > ① > (a).
//   - Article headings of a 逐条解説 (corpus/article_headings.h: 第２条第６項（営業秘密の定義）,
//     （定義）第二条) between 第1款 and 第1; 第２条第６項 nests under 第２条, 第３条 closes both.
//     The passages under one explain that provision (Passage::provision, Passage::article), of the
//     law the heading or the title names, else of the law the document cites most; headings under
//     it may narrow it (１．第１号（周知表示混同惹起行為））.
//   - Marked lines: ■ □ ◆ ◇ ● ◎ ▶ ▷ ▼ ★ ☆ and 【…】 (`■ 産業界(11団体)`, `【日本国内企業事例】`),
//     one level below the current heading; the same mark again is a sibling.
//   - Page titles: a short unnumbered line standing alone right after a page break (two or more
//     blank lines, how the slide export separates slides) or at the top of the file
//     (`営業秘密官民フォーラムとは？`, `議事次第`). They sit one level below the current
//     Markdown / 第N-or-above heading, or at the top, and close any lower numbered levels; so
//     does a marked heading right after a page break.
// Enumerated and marked headings are short (≤ 40 characters) and are not sentences (no 。);
// a list item (`- …`, `・…`) is never a heading. Other short lines inside a page are text: in slides
// they are mostly content (`最小権限の原則・重要情報へのアクセス制限`), in the newsletter they are
// table cells (`無料`, `日本語`).
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/article_headings.h"
#include "corpus/importers.h"
#include "text/citations.h"
#include "text/japanese_numbers.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr std::size_t kMinSectionChars = 80;    // smaller sections are carried into the next one
constexpr std::size_t kMaxPassageChars = 1200;  // larger ones are split at paragraph boundaries
constexpr std::size_t kMaxHeadingChars = 40;    // enumerated and marked headings
constexpr std::size_t kMaxPageTitleChars = 30;  // unnumbered page titles
constexpr std::size_t kTitleSearchLines = 5;    // the title is looked for in the first lines
constexpr std::size_t kDateSearchLines = 10;    // and the date in these

// Heading kinds; the enumerated ones carry their fixed level as rank.
enum class Kind {
  None,
  Markdown,       // rank 1–6
  Hen,            // 第1編 (10)
  Sho,            // 第1章 (11)
  Setsu,          // 第1節 (12)
  Kan,            // 第1款 (13)
  Dai,            // 第1 (14)
  Number,         // 1 / 1. / １． (15)
  ParenNumber,    // (1) （１） ⑴ (16)
  Katakana,       // ア (17)
  ParenKatakana,  // (ア) （ア） (18)
  Circled,        // ① (19)
  ParenLatin,     // (a) (20)
  Article,        // 第２条 (13.5), 第２条第６項 (13.6), 第２条第１項第４号 (13.7)
  Marker,         // ■ ◆ 【…】: relative
  PageTitle,      // relative
};

double fixed_rank(Kind kind) {
  switch (kind) {
    case Kind::Hen: return 10;
    case Kind::Sho: return 11;
    case Kind::Setsu: return 12;
    case Kind::Kan: return 13;
    case Kind::Dai: return 14;
    case Kind::Number: return 15;
    case Kind::ParenNumber: return 16;
    case Kind::Katakana: return 17;
    case Kind::ParenKatakana: return 18;
    case Kind::Circled: return 19;
    case Kind::ParenLatin: return 20;
    default: return 0;
  }
}

// Markdown or 第N and above: the levels a page title stays below.
bool is_major(Kind kind) {
  return kind == Kind::Markdown || kind == Kind::Hen || kind == Kind::Sho || kind == Kind::Setsu ||
         kind == Kind::Kan || kind == Kind::Dai || kind == Kind::Article;
}

struct Line {
  std::size_t begin = 0;  // byte offsets of the raw line in the input, without the '\n'
  std::size_t end = 0;
  std::string text;       // display text: trimmed, Markdown markup removed; empty = blank line
  bool list_item = false;
  bool paragraph_start = false;  // first line after a blank line or a heading
  bool after_page_break = false;  // first line after two or more blank lines
  Kind kind = Kind::None;
  int markdown_level = 0;
  char32_t marker = 0;
  std::string heading;  // the heading as shown in heading_path (decorative mark dropped)
  std::optional<HeadingProvision> provision;  // an article heading's, or what a heading narrows it to
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

char32_t first_cp(std::string_view s, std::size_t& i) {
  i = 0;
  return s.empty() ? 0 : utf8::next(s, i);
}

bool is_digit_cp(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= U'０' && cp <= U'９'); }

bool is_kanji_digit(char32_t cp) {
  return std::u32string_view(U"〇一二三四五六七八九十百千").find(cp) != std::u32string_view::npos;
}

bool is_katakana_enumerator(char32_t cp) {
  return std::u32string_view(U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")
             .find(cp) != std::u32string_view::npos;
}

bool is_heading_mark(char32_t cp) {
  return std::u32string_view(U"■□◆◇●◎▶▷►▼★☆").find(cp) != std::u32string_view::npos;
}

// Byte offset after a run of digits (and, when kanji is set, kanji numerals) starting at i.
std::size_t skip_number(std::string_view s, std::size_t i, bool kanji) {
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t cp = utf8::next(s, j);
    if (!(is_digit_cp(cp) || (kanji && is_kanji_digit(cp)))) break;
    i = j;
  }
  return i;
}

// Byte offset after an opening parenthesis at i, or npos.
std::size_t skip_open_paren(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '(') return i + 1;
  if (s.substr(i, 3) == "（") return i + 3;
  return std::string_view::npos;
}

std::size_t skip_close_paren(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == ')') return i + 1;
  if (s.substr(i, 3) == "）") return i + 3;
  return std::string_view::npos;
}

// What follows an enumerator, trimmed.
std::string rest_of(std::string_view s, std::size_t i) { return utf8::trim(s.substr(std::min(i, s.size()))); }

// The enumerator a line starts with, if it has the shape of one and text after it.
Kind enumerator_kind(std::string_view s) {
  std::size_t i = 0;
  const char32_t c0 = first_cp(s, i);
  if (c0 == U'第') {
    const std::size_t after = skip_number(s, i, true);
    if (after == i) return Kind::None;
    std::size_t j = after;
    const char32_t unit = after < s.size() ? utf8::next(s, j) : 0;
    switch (unit) {
      case U'編': return Kind::Hen;
      case U'章': return Kind::Sho;
      case U'節': return Kind::Setsu;
      case U'款': return Kind::Kan;
      default: break;
    }
    // 第1　総則, but not 第6回営業秘密官民フォーラム or 第二条.
    if (unit == 0 || utf8::is_space(unit)) return Kind::Dai;
    return Kind::None;
  }
  if (is_digit_cp(c0)) {
    const std::size_t after = skip_number(s, 0, false);
    std::size_t j = after;
    const char32_t sep = after < s.size() ? utf8::next(s, j) : 0;
    // 1. 総説 / １．総説 / 1 総説, but not 1.5倍, 2020年, 03-3581-1101.
    const bool dot = sep == '.' || sep == U'．' || sep == U'、';
    if (!dot && !utf8::is_space(sep)) return Kind::None;
    if (dot && j < s.size()) {
      std::size_t k = j;
      if (is_digit_cp(utf8::next(s, k))) return Kind::None;
    }
    return rest_of(s, j).empty() ? Kind::None : Kind::Number;
  }
  if (c0 >= U'⑴' && c0 <= U'⒇') return rest_of(s, i).empty() ? Kind::None : Kind::ParenNumber;
  if ((c0 >= U'①' && c0 <= U'⑳') || (c0 >= U'㉑' && c0 <= U'㉟'))
    return rest_of(s, i).empty() ? Kind::None : Kind::Circled;
  if (is_katakana_enumerator(c0) && i < s.size()) {
    std::size_t j = i;
    const char32_t sep = utf8::next(s, j);
    if ((utf8::is_space(sep) || sep == U'．' || sep == '.') && !rest_of(s, j).empty()) return Kind::Katakana;
    return Kind::None;
  }
  if (const std::size_t open = skip_open_paren(s, 0); open != std::string_view::npos) {
    std::size_t j = open;
    if (open >= s.size()) return Kind::None;
    const char32_t inner = utf8::next(s, j);
    Kind kind = Kind::None;
    if (is_digit_cp(inner) || is_kanji_digit(inner)) {
      j = skip_number(s, open, true);
      kind = Kind::ParenNumber;
    } else if (is_katakana_enumerator(inner)) {
      kind = Kind::ParenKatakana;
    } else if ((inner >= 'a' && inner <= 'z') || (inner >= U'ａ' && inner <= U'ｚ')) {
      kind = Kind::ParenLatin;
    }
    const std::size_t close = skip_close_paren(s, j);
    if (kind == Kind::None || close == std::string_view::npos || rest_of(s, close).empty()) return Kind::None;
    return kind;
  }
  return Kind::None;
}

// Inline Markdown removed: **bold**, __bold__, <https://…>, [text](url), ![alt](url).
std::string strip_inline_markdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (starts_with(s.substr(i), "**") || starts_with(s.substr(i), "__")) {
      i += 2;
      continue;
    }
    if (s[i] == '<' && (starts_with(s.substr(i + 1), "http://") || starts_with(s.substr(i + 1), "https://") ||
                        starts_with(s.substr(i + 1), "mailto:"))) {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        out.append(s.substr(i + 1, close - i - 1));
        i = close + 1;
        continue;
      }
    }
    const bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || image) {
      const std::size_t open = image ? i + 1 : i;
      const std::size_t mid = s.find("](", open);
      const std::size_t close = mid == std::string_view::npos ? mid : s.find(')', mid);
      if (close != std::string_view::npos && s.substr(open, mid - open).find('\n') == std::string_view::npos) {
        out.append(s.substr(open + 1, mid - open - 1));
        i = close + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// Splits the input into lines and cleans each for display.
std::vector<Line> read_lines(std::string_view text, bool markdown) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line line;
    line.begin = pos;
    line.end = nl;
    std::string s = utf8::trim(text.substr(pos, nl - pos));
    if (markdown) {
      if (starts_with(s, "#")) {
        const std::size_t hashes = s.find_first_not_of('#');
        const std::size_t level = hashes == std::string::npos ? s.size() : hashes;
        if (level <= 6 && (hashes == std::string::npos || s[hashes] == ' ' || s[hashes] == '\t')) {
          std::string title = utf8::trim(std::string_view(s).substr(level));
          while (ends_with(title, "#")) title.pop_back();  // closing hashes: ## 総説 ##
          line.kind = Kind::Markdown;
          line.markdown_level = static_cast<int>(level);
          s = utf8::trim(title);
        }
      } else if (s == "---" || s == "***" || s == "___") {
        s.clear();  // thematic break
      } else if (starts_with(s, "> ")) {
        s = utf8::trim(std::string_view(s).substr(2));
      }
      if (line.kind != Kind::Markdown && s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
          (s[1] == ' ' || s[1] == '\t')) {
        line.list_item = true;
        s = utf8::trim(std::string_view(s).substr(2));
      }
      s = utf8::trim(strip_inline_markdown(s));
    }
    if (starts_with(s, "・") || starts_with(s, "- ")) line.list_item = true;
    line.text = std::move(s);
    lines.push_back(std::move(line));
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

bool looks_like_date_line(const std::string& s) {
  return utf8::length(s) <= 40 && find_japanese_date(s).has_value();
}

bool has_cjk(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size())
    if (utf8::is_cjk(utf8::next(s, i))) return true;
  return false;
}

// Short, not a sentence, not a clause that continues on the next line, not a table row
// (`1<TAB>クレジットカード情報の不正利用<TAB>3<TAB>…`).
bool heading_shaped(const std::string& s, std::size_t max_chars) {
  return !s.empty() && utf8::length(s) <= max_chars && s.find("。") == std::string::npos && !ends_with(s, "、") &&
         !ends_with(s, "，") && !ends_with(s, ",") && s.find('\t') == std::string::npos;
}

// Sets kind and heading on each line that opens a section.
void classify_headings(std::vector<Line>& lines) {
  std::size_t blanks_before = 2;  // the top of the file counts as a page break
  bool seen_text = false;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    Line& line = lines[n];
    if (line.text.empty()) {
      ++blanks_before;
      line.kind = Kind::None;
      continue;
    }
    const bool after_break = blanks_before >= 2 || !seen_text;
    line.after_page_break = after_break;
    const bool alone = blanks_before >= 1 && (n + 1 == lines.size() || lines[n + 1].text.empty());
    blanks_before = 0;
    seen_text = true;
    if (line.kind == Kind::Markdown) {
      line.heading = line.text;
      line.provision = parse_article_heading(line.text);
      if (!line.provision) line.provision = parse_narrowing_heading(line.text);
      continue;
    }
    if (line.list_item || !heading_shaped(line.text, kMaxHeadingChars)) continue;
    line.kind = enumerator_kind(line.text);
    if (line.kind != Kind::None) {
      line.heading = line.text;
      line.provision = parse_narrowing_heading(line.text);
      continue;
    }
    if ((line.provision = parse_article_heading(line.text))) {
      line.kind = Kind::Article;
      line.heading = line.text;
      continue;
    }
    std::size_t i = 0;
    const char32_t c0 = first_cp(line.text, i);
    if (is_heading_mark(c0) && !rest_of(line.text, i).empty()) {
      line.kind = Kind::Marker;
      line.marker = c0;
      line.heading = rest_of(line.text, i);
      continue;
    }
    if (c0 == U'【' && line.text.find("】") != std::string::npos) {
      line.kind = Kind::Marker;
      line.marker = c0;
      line.heading = line.text;
      continue;
    }
    if (after_break && alone && heading_shaped(line.text, kMaxPageTitleChars) && has_cjk(line.text) &&
        !looks_like_date_line(line.text) && line.text.find("http") == std::string::npos &&
        line.text.find('@') == std::string::npos) {
      line.kind = Kind::PageTitle;
      line.heading = line.text;
    }
  }
}

// The headings enclosing the current line, outermost first.
struct OpenHeading {
  Kind kind;
  double rank;
  char32_t marker;
  std::string text;
  std::optional<HeadingProvision> provision;
};

void open_heading(std::vector<OpenHeading>& stack, const Line& line) {
  OpenHeading h{line.kind, fixed_rank(line.kind), line.marker, line.heading, line.provision};
  if (line.kind == Kind::Markdown) h.rank = line.markdown_level;
  if (line.kind == Kind::Article) {
    h.rank = 13.5 + (line.provision->paragraph.empty() ? 0 : 0.1) + (line.provision->item.empty() ? 0 : 0.1);
    // 第２条第１項第４号 after 第２条第６項 is its sibling under 第２条, not its child.
    const auto unrelated = std::find_if(stack.begin(), stack.end(), [&](const OpenHeading& o) {
      return o.kind == Kind::Article && !contains(*o.provision, *line.provision);
    });
    stack.erase(unrelated, stack.end());
  }
  // A new slide starts afresh below the document's chapters: its `【組織1位】` is not under the
  // previous slide's `③`.
  if (line.after_page_break && (line.kind == Kind::Marker || line.kind == Kind::PageTitle)) {
    const auto first_minor =
        std::find_if(stack.begin(), stack.end(), [](const OpenHeading& o) { return !is_major(o.kind); });
    stack.erase(first_minor, stack.end());
  }
  if (line.kind == Kind::Marker) {
    const auto same = std::find_if(stack.begin(), stack.end(), [&](const OpenHeading& o) {
      return o.kind == Kind::Marker && o.marker == line.marker;
    });
    if (same != stack.end()) {
      h.rank = same->rank;
      stack.erase(same, stack.end());
      stack.push_back(std::move(h));
      return;
    }
    double below = 0;
    for (const auto& o : stack)
      if (o.kind != Kind::Marker) below = o.rank;
    h.rank = below + 0.25;
  } else if (line.kind == Kind::PageTitle) {
    double below = 0;
    for (const auto& o : stack)
      if (is_major(o.kind)) below = o.rank;
    h.rank = below + 0.5;
  }
  const auto first_not_above =
      std::find_if(stack.begin(), stack.end(), [&](const OpenHeading& o) { return o.rank >= h.rank; });
  stack.erase(first_not_above, stack.end());
  stack.push_back(std::move(h));
}

// A section before merging, or a merged unit before splitting: lines in input order.
struct Section {
  std::vector<std::string> path;
  std::vector<HeadingProvision> provisions;  // the provision in force at each level of path
  std::vector<std::size_t> lines;  // indices into the line list, blank lines left out
  std::size_t body_chars = 0;      // characters of the lines that are not its own heading
};

// title_line, when set, is the document's own title: it starts a section but is left out of the
// heading paths, which show where a passage sits inside the document.
std::vector<Section> read_sections(const std::vector<Line>& lines, std::optional<std::size_t> title_line) {
  std::vector<Section> sections(1);  // text before the first heading
  std::vector<OpenHeading> stack;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const Line& line = lines[n];
    if (line.text.empty()) continue;
    if (n == title_line) {
      sections.emplace_back();
    } else if (line.kind != Kind::None) {
      open_heading(stack, line);
      Section s;
      HeadingProvision in_force;
      for (const auto& h : stack) {
        s.path.push_back(h.text);
        if (h.provision) in_force = narrow(in_force, *h.provision);
        s.provisions.push_back(in_force);
      }
      sections.push_back(std::move(s));
    } else {
      sections.back().body_chars += utf8::length(line.text);
    }
    sections.back().lines.push_back(n);
  }
  sections.erase(std::remove_if(sections.begin(), sections.end(), [](const Section& s) { return s.lines.empty(); }),
                 sections.end());
  return sections;
}

// A company rule's article keeps what lies under it, as a statute's article keeps its paragraphs
// and items: sections below an article heading (① 極秘：…, (1) …) join the article's section.
std::vector<Section> fold_into_articles(std::vector<Section> sections) {
  auto article_at = [](const Section& s, std::size_t level) { return !s.provisions[level].article.empty(); };
  std::vector<Section> out;
  for (auto& s : sections) {
    const std::size_t depth = s.provisions.size();
    const bool below_article = depth >= 2 && article_at(s, depth - 2);
    if (below_article && !out.empty()) {
      out.back().lines.insert(out.back().lines.end(), s.lines.begin(), s.lines.end());
      out.back().body_chars += s.body_chars + utf8::length(s.path.back());  // its heading is text of the article
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

bool is_prefix(const std::vector<std::string>& prefix, const std::vector<std::string>& path) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

// Sections with less than kMinSectionChars of text are carried into the next one, their lines
// (headings included) leading its text. The passage keeps the next section's heading path, cut
// back to the parent it shares with carried siblings: `第1章 総則` carried into `第1 目的` gives
// 第1章 総則 › 第1 目的, but the slide lines `① 適切なアクセス権限管理` and `② 持ち出し困難化`
// merged give only their slide title `内部不正を防止するには`. Leftovers of an unrelated earlier part
// (the tail of the previous slide) do not change the path. A tiny last section joins the passage
// before it.
// With own_articles (a company rule) only sections without text (a chapter heading) are carried: each
// article is a passage of its own, however short, as a statute's is.
std::vector<Section> merge_tiny(std::vector<Section> sections, const std::vector<Line>& lines, bool own_articles) {
  std::vector<Section> merged;
  Section carried;
  std::vector<std::vector<std::string>> carried_paths;
  for (auto& s : sections) {
    if (own_articles ? s.body_chars == 0 : carried.body_chars + s.body_chars < kMinSectionChars) {
      for (std::size_t n : s.lines) carried.body_chars += utf8::length(lines[n].text);
      carried.lines.insert(carried.lines.end(), s.lines.begin(), s.lines.end());
      carried.path = s.path;
      carried.provisions = s.provisions;
      carried_paths.push_back(s.path);
      continue;
    }
    for (const auto& path : carried_paths) {
      if (is_prefix(path, s.path)) continue;
      const auto mismatch = std::mismatch(path.begin(), path.end(), s.path.begin(), s.path.end());
      if (mismatch.second != s.path.begin()) s.path.erase(mismatch.second, s.path.end());
    }
    s.provisions.resize(std::min(s.provisions.size(), s.path.size()));
    s.lines.insert(s.lines.begin(), carried.lines.begin(), carried.lines.end());
    s.body_chars += carried.body_chars;
    carried = Section();
    carried_paths.clear();
    merged.push_back(std::move(s));
  }
  if (!carried.lines.empty()) {
    if (merged.empty()) merged.push_back(std::move(carried));
    else merged.back().lines.insert(merged.back().lines.end(), carried.lines.begin(), carried.lines.end());
  }
  return merged;
}

// A piece of text that is never split: a paragraph, or a line or sentence of an overlong one.
struct Piece {
  std::size_t begin, end;  // bytes in the input
  std::string text;
  std::size_t chars;
  enum Join { NewParagraph, NewLine, SameLine } join;
};

void append_piece(std::vector<Piece>& pieces, Piece p) {
  p.chars = utf8::length(p.text);
  if (!p.text.empty()) pieces.push_back(std::move(p));
}

// Breaks an overlong line after 。, and a sentence still too long at kMaxPassageChars characters.
void split_line(std::vector<Piece>& pieces, std::string_view input, const Line& line, bool markdown,
                Piece::Join join) {
  std::size_t start = line.begin;
  std::size_t i = line.begin, chars = 0;
  bool first = true;
  auto emit = [&](std::size_t end) {
    std::string text = utf8::trim(input.substr(start, end - start));
    if (markdown) text = utf8::trim(strip_inline_markdown(text));
    if (first && line.list_item && (starts_with(text, "- ") || starts_with(text, "* ") || starts_with(text, "+ ")))
      text = utf8::trim(std::string_view(text).substr(2));
    append_piece(pieces, Piece{start, end, std::move(text), 0, first ? join : Piece::SameLine});
    first = false;
    start = end;
    chars = 0;
  };
  while (i < line.end) {
    const char32_t cp = utf8::next(input, i);
    ++chars;
    if ((cp == U'。' && chars >= kMinSectionChars) || chars >= kMaxPassageChars) emit(i);
  }
  if (start < line.end) emit(line.end);
}

std::vector<Piece> pieces_of(const Section& unit, const std::vector<Line>& lines, std::string_view input,
                             bool markdown) {
  std::vector<Piece> pieces;
  for (std::size_t k = 0; k < unit.lines.size(); ++k) {
    const Line& line = lines[unit.lines[k]];
    const bool new_paragraph = k == 0 || line.paragraph_start;
    // Page numbers left by the slide export (`4`) are furniture.
    if (line.text.size() <= 3 && line.text.find_first_not_of("0123456789") == std::string::npos) continue;
    if (utf8::length(line.text) > kMaxPassageChars) {
      split_line(pieces, input, line, markdown, new_paragraph ? Piece::NewParagraph : Piece::NewLine);
      continue;
    }
    append_piece(pieces,
                 Piece{line.begin, line.end, line.text, 0, new_paragraph ? Piece::NewParagraph : Piece::NewLine});
  }
  return pieces;
}

// Groups pieces into passages of at most kMaxPassageChars. A passage already half full ends before
// a paragraph that would not fit whole; a short tail joins the passage before it.
std::vector<std::vector<Piece>> split_long(std::vector<Piece> pieces) {
  std::vector<std::size_t> paragraph_chars(pieces.size(), 0);
  for (std::size_t k = pieces.size(); k-- > 0;) {
    paragraph_chars[k] = pieces[k].chars;
    if (k + 1 < pieces.size() && pieces[k + 1].join != Piece::NewParagraph) paragraph_chars[k] += paragraph_chars[k + 1];
  }
  std::vector<std::vector<Piece>> parts(1);
  std::size_t size = 0;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    Piece& p = pieces[k];
    const bool full = size + p.chars > kMaxPassageChars;
    const bool paragraph_break = p.join == Piece::NewParagraph && size >= kMaxPassageChars / 2 &&
                                 size + paragraph_chars[k] > kMaxPassageChars;
    if (!parts.back().empty() && (full || paragraph_break)) {
      parts.emplace_back();
      size = 0;
    }
    size += p.chars;
    parts.back().push_back(std::move(p));
  }
  if (parts.size() > 1) {
    std::size_t tail = 0;
    for (const auto& p : parts.back()) tail += p.chars;
    if (tail < kMinSectionChars) {
      auto& before = parts[parts.size() - 2];
      for (auto& p : parts.back()) before.push_back(std::move(p));
      parts.pop_back();
    }
  }
  return parts;
}

std::string join_pieces(const std::vector<Piece>& pieces) {
  std::string text;
  for (const auto& p : pieces) {
    if (!text.empty()) {
      if (p.join == Piece::NewParagraph) text += "\n\n";
      else if (p.join == Piece::NewLine) text += "\n";
    }
    text += p.text;
  }
  return text;
}

std::string first_lines(const std::vector<Line>& lines, std::size_t count) {
  std::string out;
  for (const auto& line : lines) {
    if (line.text.empty()) continue;
    if (count-- == 0) break;
    out += line.text;
    out += '\n';
  }
  return out;
}

// The first line when it is a heading that titles the whole document: a page title, or a Markdown
// heading whose level is not used again (`# 営業秘密管理指針` above `## 第1 総説`).
std::optional<std::size_t> find_title_line(const std::vector<Line>& lines) {
  const auto first = std::find_if(lines.begin(), lines.end(), [](const Line& l) { return !l.text.empty(); });
  if (first == lines.end()) return std::nullopt;
  if (first->kind == Kind::Markdown) {
    const bool level_reused = std::any_of(first + 1, lines.end(), [&](const Line& l) {
      return l.kind == Kind::Markdown && l.markdown_level == first->markdown_level;
    });
    if (level_reused) return std::nullopt;
  } else if (first->kind != Kind::PageTitle) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(first - lines.begin());
}

// The first heading near the top; else the first short line that is not a date (the newsletter
// opens with its section name `情報セキュリティ`, then `公開日:2021年6月16日`); else the file stem.
std::string find_title(const std::vector<Line>& lines, const std::string& doc_id) {
  std::size_t seen = 0;
  for (const auto& line : lines) {
    if (line.text.empty()) continue;
    if (seen++ == kTitleSearchLines) break;
    if (line.kind != Kind::None) return line.heading;
  }
  seen = 0;
  for (const auto& line : lines) {
    if (line.text.empty()) continue;
    if (seen++ == kTitleSearchLines) break;
    if (heading_shaped(line.text, 60) && !looks_like_date_line(line.text)) return line.text;
  }
  const std::size_t slash = doc_id.rfind('/');
  return slash == std::string::npos ? doc_id : doc_id.substr(slash + 1);
}

// The law a commentary's article headings belong to when they do not name it: the one its title
// names (逐条解説　不正競争防止法), else the one its text cites most.
std::string commentary_law(const std::string& title, const std::vector<Line>& lines) {
  std::string law = law_in_title(title);
  if (!law.empty()) return law;
  std::vector<std::string_view> texts;
  for (const auto& line : lines) texts.push_back(line.text);
  CitationContext ctx;
  prepare_citation_context(texts, ctx);
  return ctx.default_law;
}

// A commentary saved as Word or HTML (逐条解説　不正競争防止法): its 第N条 explain the statute's articles,
// so it is read as a commentary in text is, not as a company rule with articles of its own.
bool is_commentary_title(const std::string& title) {
  const bool says_commentary = title.find("解説") != std::string::npos || title.find("逐条") != std::string::npos ||
                               title.find("コンメンタール") != std::string::npos;
  return says_commentary && !law_in_title(title).empty();
}

// law/article[/paragraph[/item]] of the provision a unit explains; empty when it explains none.
std::string provision_key(const Section& unit, const std::string& law) {
  if (unit.provisions.empty() || unit.provisions.back().article.empty()) return "";
  const HeadingProvision& h = unit.provisions.back();
  StatuteCitation c;
  c.law = h.law.empty() ? law : h.law;
  if (c.law.empty()) return "";
  c.article = h.article;
  c.paragraph = h.paragraph.empty() && !h.item.empty() ? "1" : h.paragraph;
  c.item = h.item;
  return c.key();
}

}  // namespace

namespace {

// own_articles: the 第N条 headings are the document's own articles (a company rule), not a
// commentary's references to a statute.
Document parse_sections(std::string_view text, bool markdown, bool own_articles, const std::string& doc_id,
                        const std::string& source_path) {
  if (!utf8::valid(text)) throw ImportError("not valid UTF-8");
  std::vector<Line> lines = read_lines(text, markdown);
  classify_headings(lines);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].text.empty()) continue;
    lines[n].paragraph_start = n == 0 || lines[n - 1].text.empty() || lines[n].kind != Kind::None ||
                               lines[n - 1].kind != Kind::None;
  }
  if (own_articles && is_commentary_title(find_title(lines, doc_id))) own_articles = false;
  std::vector<Section> sections = read_sections(lines, find_title_line(lines));
  if (own_articles) sections = fold_into_articles(std::move(sections));
  if (sections.empty()) throw ImportError("no text");

  Document doc;
  doc.id = doc_id;
  doc.type = DocType::Guidance;
  doc.source_path = source_path;
  doc.title = find_title(lines, doc_id);
  if (auto date = find_japanese_date(first_lines(lines, kDateSearchLines))) doc.meta.date = *date;

  const bool commentary = !own_articles && std::any_of(lines.begin(), lines.end(), [](const Line& l) {
    return l.provision && !l.provision->article.empty() && l.kind != Kind::None;
  });
  const std::string law = commentary ? commentary_law(doc.title, lines) : "";

  std::size_t ordinal = 0;
  for (const Section& unit : merge_tiny(std::move(sections), lines, own_articles)) {
    std::vector<Piece> pieces = pieces_of(unit, lines, text, markdown);
    if (pieces.empty()) continue;
    const std::string provision = commentary ? provision_key(unit, law) : "";
    ++ordinal;
    std::size_t part = 0;
    for (const auto& group : split_long(std::move(pieces))) {
      Passage p;
      p.id = doc_id + "#s" + std::to_string(ordinal);
      if (++part > 1) p.id += "-" + std::to_string(part);
      p.heading_path = unit.path;
      p.text = join_pieces(group);
      if (!provision.empty()) {
        p.provision = provision;
        p.article = unit.provisions.back().article;
      }
      p.source_begin = group.front().begin;
      p.source_end = group.back().end;
      doc.passages.push_back(std::move(p));
    }
  }
  if (doc.passages.empty()) throw ImportError("no text");
  return doc;
}

}  // namespace

Document parse_guidance(std::string_view text, bool markdown, const std::string& doc_id,
                        const std::string& source_path) {
  return parse_sections(text, markdown, false, doc_id, source_path);
}

Document parse_structured_markdown(std::string_view markdown, const std::string& doc_id,
                                   const std::string& source_path) {
  return parse_sections(markdown, true, true, doc_id, source_path);
}

}  // namespace tsubo
