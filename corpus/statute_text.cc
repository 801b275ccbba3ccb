// e-Gov statute text export (statutes-core/NNNN.txt) → one Document with a passage per article,
// per supplementary-provision (附則) block or article, and per appendix table (別表).
//
// The export, line by line (blank lines everywhere in between):
//   不正競争防止法                                   title
//   （平成五年五月十九日法律第四十七号）最終改正：…   law number, promulgation date
//   　第一章　総則（第一条・第二条）                 table of contents (目次), then the body:
//   　　　第一章　総則                               chapter / section (編 章 節 款 目)
//   （定義）                                         article caption (見出し)
//   第二条                                           article heading
//   　この法律において「不正競争」とは、…           paragraph text, indented by U+3000
//   一 / ２                                          item (号) / paragraph (項) numbers alone
//   （昭和三十四年法律第百二十七号）第四条第一項    references broken out of the sentence:
//   に規定する…                                        joined back without a line break
//   　　　附　則　（平成六年一二月一四日法律第一一六号）　抄
//   別表第一　（第二条関係）
//
// Passage keys: #preamble (text before the first article: 前文, or 制定文 such as the 全部改正 sentence),
// #main (main provisions of a law without articles), #art<n>, #suppl<k> (text of the k-th 附則
// block outside articles), #suppl<k>-art<n>, #table<k>; big ones split into -p2, -p3, …; a key
// already used gets -2, -3, ….
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/importers.h"
#include "text/japanese_numbers.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

using sv = std::string_view;

// Passages are split at line boundaries above this size (the 2013 export has 1 MB 別表 tables).
constexpr std::size_t kMaxPassageBytes = 20000;

constexpr sv kIdeoSpace = "\u3000";  // 　 the export's indentation and separator

bool starts_with(sv s, sv p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }
bool ends_with(sv s, sv p) { return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0; }

// Strips trailing ASCII white space, CR and U+3000.
sv rtrim(sv s) {
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (ends_with(s, kIdeoSpace)) {
      s.remove_suffix(kIdeoSpace.size());
    } else {
      return s;
    }
  }
}

// Strips leading ASCII blanks and U+3000; counts the U+3000 removed.
sv ltrim(sv s, int* ideo_spaces = nullptr) {
  int n = 0;
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (starts_with(s, kIdeoSpace)) {
      s.remove_prefix(kIdeoSpace.size());
      ++n;
    } else {
      break;
    }
  }
  if (ideo_spaces) *ideo_spaces = n;
  return s;
}

bool is_kanji_numeral(char32_t cp) {
  switch (cp) {
    case U'〇': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九': case U'十': case U'百': case U'千':
      return true;
    default:
      return false;
  }
}
bool is_wide_digit(char32_t cp) { return cp >= U'０' && cp <= U'９'; }
bool is_numeral(char32_t cp) { return is_kanji_numeral(cp) || is_wide_digit(cp); }
// イロハ… of sub-items (イ　…) and the katakana of old laws.
bool is_katakana(char32_t cp) { return cp >= U'ァ' && cp <= U'ヶ'; }

// Reads a run of code points satisfying pred from s[i]; returns how many.
template <typename Pred>
int read_run(sv s, std::size_t& i, Pred pred) {
  int n = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (!pred(utf8::next(s, j))) break;
    i = j;
    ++n;
  }
  return n;
}

// Reads 〇-九十百千 / ０-９ numbers joined by の (二, 十九の二, ２).
bool read_number_with_no(sv s, std::size_t& i) {
  if (read_run(s, i, is_numeral) == 0) return false;
  while (starts_with(s.substr(i), "の")) {
    std::size_t j = i + std::strlen("の");
    if (read_run(s, j, is_numeral) == 0) break;
    i = j;
  }
  return true;
}

// Level of a chapter-like heading (stripped of its indentation): 第一編 0, 第二章 1, 第三節 2,
// 第一款 3, 第一目 4; "　　　第一章　総則", "　第十九章の二　…（第百六十八条の二・…）". Text such as
// 「第二章の規定は」 is not one.
std::optional<int> structure_level(sv s) {
  if (!starts_with(s, "第")) return std::nullopt;
  std::size_t i = std::strlen("第");
  if (!read_number_with_no(s, i) || i >= s.size()) return std::nullopt;
  static constexpr std::array<sv, 5> kLevels = {"編", "章", "節", "款", "目"};
  for (std::size_t level = 0; level < kLevels.size(); ++level) {
    if (!starts_with(s.substr(i), kLevels[level])) continue;
    std::size_t after = i + kLevels[level].size();
    while (starts_with(s.substr(after), "の")) {  // 第十九章の二
      std::size_t j = after + std::strlen("の");
      if (read_run(s, j, is_numeral) == 0) break;
      after = j;
    }
    sv rest = s.substr(after);
    if (rest.empty()) return static_cast<int>(level);
    // A title, not a sentence: 「　第二章　、第三章（…）…の規定は、…準用する。」 (3395) is text.
    if ((!starts_with(rest, kIdeoSpace) && rest.front() != ' ') || starts_with(ltrim(rest), "、") ||
        rest.find("。") != sv::npos)
      return std::nullopt;
    return static_cast<int>(level);
  }
  return std::nullopt;
}

// Article number of a heading line at column 0 (第二条, 第十九条の二 → "19の2"; the 第八十二条ノ二
// of laws in katakana → "82の2").
std::optional<std::string> heading_number(sv s) {
  if (!starts_with(s, "第") || s.size() > 80) return std::nullopt;
  if (ends_with(s, "条") || s.find("条の") != sv::npos) return parse_article_number(s);
  if (s.find("条ノ") == sv::npos) return std::nullopt;
  std::string hiragana(s);
  for (std::size_t at; (at = hiragana.find("ノ")) != std::string::npos;) hiragana.replace(at, std::strlen("ノ"), "の");
  return parse_article_number(hiragana);
}

// Paragraph number (２, １０, ○２ in old laws) or item number (一, 十一, 二の二) alone on a line.
bool is_number_line(sv s) {
  std::size_t i = 0;
  if (starts_with(s, "○")) {
    i = std::strlen("○");
    return read_run(s, i, is_wide_digit) > 0 && i == s.size();
  }
  if (starts_with(s, "〇")) return false;  // a table cell, never an item number
  if (s.size() > 8 * 3) return false;
  std::size_t j = 0;
  if (read_run(s, j, is_wide_digit) > 0 && j == s.size()) return true;
  i = 0;
  while (i < s.size()) {
    if (read_run(s, i, is_kanji_numeral) == 0) return false;
    if (i == s.size()) return true;
    if (!starts_with(s.substr(i), "の")) return false;
    i += std::strlen("の");
  }
  return false;
}

// A line opening with an enumerator and a U+3000 (ロ　…, 一　…, （１）　…, ２　…): a new line of
// a list even when it does not start with U+3000.
bool starts_with_enumerator(sv s) {
  const std::size_t sp = s.find(kIdeoSpace);
  if (sp == sv::npos || sp == 0 || sp > 5 * 3) return false;
  const sv head = s.substr(0, sp);
  if ((starts_with(head, "（") && ends_with(head, "）")) || (head.front() == '(' && head.back() == ')')) return true;
  std::size_t i = 0;
  const char32_t first = utf8::next(head, i);
  if (i == head.size()) {
    return is_katakana(first) || is_numeral(first) || (first >= U'Ａ' && first <= U'Ｚ') ||
           (first >= U'ａ' && first <= U'ｚ') || first == U'〃';
  }
  i = 0;
  if (read_run(head, i, is_kanji_numeral) > 0 && i == head.size()) return true;
  i = 0;
  return read_run(head, i, is_wide_digit) > 0 && i == head.size();
}

// 附則 header of a supplementary-provision block: "　　　附　則", "　　　附　則　抄",
// "　　　附　則　（平成六年一二月一四日法律第一一六号）　抄". The table of contents lists "　附則"
// (one space, no space inside), which is not one.
bool is_suppl_header(sv stripped, int indent) {
  sv rest;
  if (starts_with(stripped, "附　則")) {
    rest = stripped.substr(std::strlen("附　則"));
  } else if (starts_with(stripped, "附則")) {
    rest = stripped.substr(std::strlen("附則"));
    if (rest.empty() && indent < 2) return false;
  } else if (const std::size_t at = stripped.find("附則"); indent >= 3 && at != sv::npos && at <= 45) {
    // the 附則 of amending acts kept in old laws: "　　　第一次改正法律附則　（昭和二三年…）"
    const sv prefix = stripped.substr(0, at);
    if (prefix.find("。") != sv::npos || prefix.find("、") != sv::npos || prefix.find(kIdeoSpace) != sv::npos)
      return false;
    rest = stripped.substr(at + std::strlen("附則"));
  } else {
    return false;
  }
  return rest.empty() || starts_with(rest, kIdeoSpace) || rest.front() == ' ' || starts_with(rest, "（") ||
         rest.front() == '(' || starts_with(rest, "抄");
}

// "附則（平成六年一二月一四日法律第一一六号）" from a header line: spaces and the trailing 抄 dropped.
std::string suppl_label(sv stripped) {
  std::string label = utf8::remove_spaces(stripped);
  if (ends_with(label, "抄")) label.resize(label.size() - std::strlen("抄"));
  return label;
}

// Appendix heading at column 0: 別表, 別表第一　（第二条関係）, 別記第一号様式（…）, 別紙第１号書式,
// 様式第一（第三条関係）; also "附　則別表　（附則第二条関係）". 「別表第二に掲げる市町村」 is text.
bool is_appendix_heading(sv s) {
  if (starts_with(s, "附　則")) s.remove_prefix(std::strlen("附　則"));
  else if (starts_with(s, "附則")) s.remove_prefix(std::strlen("附則"));
  static constexpr std::array<sv, 4> kPrefixes = {"別表", "別記", "別紙", "様式"};
  bool found = false;
  for (sv p : kPrefixes) {
    if (starts_with(s, p)) {
      s.remove_prefix(p.size());
      found = true;
      break;
    }
  }
  if (!found) return false;
  std::size_t i = 0;
  read_run(s, i, [](char32_t cp) {
    return is_numeral(cp) || (cp >= U'0' && cp <= U'9') || cp == U'第' || cp == U'号' || cp == U'の' ||
           cp == U'ノ' || cp == U'様' || cp == U'式' || cp == U'書' || cp == U'表' || cp == U'図';
  });
  const sv rest = s.substr(i);
  return rest.empty() || starts_with(rest, kIdeoSpace) || rest.front() == ' ' || starts_with(rest, "（") ||
         rest.front() == '(';
}

// "19の2" → {19, 2}: article numbers in reading order.
std::vector<long> article_order(const std::string& number) {
  std::vector<long> out;
  long v = -1;
  for (char c : number) {
    if (c >= '0' && c <= '9') {
      v = (v < 0 ? 0 : v * 10) + (c - '0');
    } else if (v >= 0) {
      out.push_back(v);
      v = -1;
    }
  }
  if (v >= 0) out.push_back(v);
  return out;
}

// 制定文, the enacting clause before 第一条 of most orders: "内閣は、…この政令を制定する。",
// "…省令を次のように定める。", "…の全部を改正する。", "…左ノ通定ム". A 前文 (日本国憲法) is prose.
bool is_enacting_clause(sv text) {
  static constexpr std::array<sv, 7> kEndings = {"定める。", "制定する。", "改正する。", "公布する。",
                                                 "定ム", "改正ス", "制定ス"};
  for (sv e : kEndings)
    if (ends_with(text, e)) return true;
  return false;
}

bool is_caption_start(sv s) { return starts_with(s, "（") || (!s.empty() && s.front() == '('); }
bool is_caption_end(sv s) { return ends_with(s, "）") || (!s.empty() && s.back() == ')'); }

// "平成五年五月十九日法律第四十七号" → "平成五年法律第四十七号" (the date goes to meta.date).
std::string law_number_without_date(sv inner) {
  const std::size_t year = inner.find("年");
  if (year == sv::npos) return std::string(inner);
  std::size_t i = year + std::strlen("年");
  const std::size_t date_begin = i;
  if (read_run(inner, i, is_numeral) == 0 || !starts_with(inner.substr(i), "月")) return std::string(inner);
  i += std::strlen("月");
  if (read_run(inner, i, is_numeral) == 0 || !starts_with(inner.substr(i), "日")) return std::string(inner);
  i += std::strlen("日");
  return std::string(inner.substr(0, date_begin)) + std::string(inner.substr(i));
}

struct Line {
  std::size_t begin = 0;  // byte offsets in the input, end before the newline
  std::size_t end = 0;
};

// One output line of a passage: where it starts in the passage text and which input it came from.
struct OutLine {
  std::size_t text_begin;
  std::size_t src_begin;
  std::size_t src_end;
};

enum class UnitKind { Preamble, Article, SupplBody, SupplArticle, Table };

// A passage being assembled.
struct Unit {
  bool open = false;
  UnitKind kind = UnitKind::Preamble;
  std::string key;  // local id: art2, suppl3-art1, table1, …
  std::vector<std::string> heading_path;
  std::string article;
  std::string text;
  std::vector<OutLine> lines;
  std::string marker;  // 第二条 / ２ / 一 waiting for its text
  std::size_t marker_src = 0, marker_src_end = 0;
  bool opened_in_front = false;  // a Preamble unit: #preamble when articles follow, else #main
  std::size_t src_begin = 0, src_end = 0;
  bool prev_text = false;  // the last input line was text of this unit (a continuation may follow)
};

class StatuteParser {
 public:
  StatuteParser(sv text, const std::string& doc_id, const std::string& source_path)
      : text_(text), doc_id_(doc_id), source_path_(source_path) {}

  Document run();

 private:
  [[noreturn]] void fail(const std::string& reason) const {
    throw ImportError("[corpus][statute_text] " + (source_path_.empty() ? doc_id_ : source_path_) + ": " + reason);
  }
  sv line_text(std::size_t i) const { return rtrim(text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin)); }
  // Index of the next non-blank line after i, or lines_.size().
  std::size_t next_nonblank(std::size_t i) const {
    for (++i; i < lines_.size(); ++i)
      if (!line_text(i).empty()) break;
    return i;
  }
  bool next_is_indented(std::size_t i) const {
    const std::size_t j = next_nonblank(i);
    return j < lines_.size() && starts_with(line_text(j), kIdeoSpace);
  }

  void split_lines();
  void read_law_number(std::size_t i);
  void process(std::size_t& i);
  void on_structure(int level, sv stripped);
  void on_suppl_header(std::size_t i, sv stripped);
  void on_appendix(std::size_t i, sv s);
  void open_article(const std::string& number, sv heading, const std::string& caption, std::size_t src_begin,
                    std::size_t src_end);
  void ensure_unit(std::size_t src_begin);
  void set_marker(sv marker, std::size_t i);
  void append_text(std::size_t i, sv s, bool indented);
  void append_body(sv body);
  void new_out_line(std::size_t src_begin, std::size_t src_end);
  void flush_marker();
  void close_unit();
  void emit(Unit& u);
  std::string unique_id(const std::string& key);

  sv text_;
  const std::string& doc_id_;
  const std::string& source_path_;
  std::vector<Line> lines_;
  Document doc_;
  std::unordered_set<std::string> ids_;

  // Where we are.
  bool front_ = true;      // before the first article, 附則 or 別表: table of contents, 前文, 制定文
  bool in_table_ = false;  // inside a 別表 (its cells look like article headings: 第十五条)
  int suppl_ = 0;          // 1-based index of the current 附則 block, 0 in the main provisions
  int tables_ = 0;
  bool saw_main_article_ = false;
  std::string suppl_label_;
  std::array<std::string, 5> levels_;  // 編 章 節 款 目 currently open
  int blank_run_ = 0;                  // blank lines since the last non-blank one
  bool boundary_ = true;               // the last non-blank line was a header (law number, 章, 附則)
  int last_structure_ = -1;            // level of a 章 line just read (its title may go on)
  std::vector<long> last_number_;      // the last article heading of this 本則 or 附則 block
  Unit cur_;
};

void StatuteParser::split_lines() {
  lines_.reserve(text_.size() / 40 + 16);
  std::size_t pos = starts_with(text_, "\xEF\xBB\xBF") ? 3 : 0;  // a BOM; offsets stay those of the input
  while (pos < text_.size()) {
    const void* nl = std::memchr(text_.data() + pos, '\n', text_.size() - pos);
    const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
    lines_.push_back({pos, end});
    pos = end + 1;
  }
}

Document StatuteParser::run() {
  split_lines();
  std::size_t i = 0;
  while (i < lines_.size() && line_text(i).empty()) ++i;
  if (i == lines_.size()) fail("empty text");
  const sv title = line_text(i);
  if (starts_with(title, kIdeoSpace) || title.front() == ' ' || is_caption_start(title) || heading_number(title))
    fail("no title line (the first line is \"" + std::string(title.substr(0, 60)) + "\")");
  doc_.id = doc_id_;
  doc_.type = DocType::Statute;
  doc_.title = utf8::trim(title);
  doc_.source_path = source_path_;
  doc_.meta.law = doc_.title;
  ++i;
  const std::size_t j = next_nonblank(i - 1);
  if (j < lines_.size() && is_caption_start(line_text(j)) && line_text(j).find("年") != sv::npos) {
    read_law_number(j);
    i = j + 1;
  }
  for (; i < lines_.size(); ++i) process(i);
  close_unit();
  if (doc_.passages.empty()) fail("no articles, supplementary provisions or text after the title");
  return std::move(doc_);
}

// （平成五年五月十九日法律第四十七号）最終改正：平成二四年三月三一日法律第一二号
void StatuteParser::read_law_number(std::size_t i) {
  sv s = line_text(i);
  int depth = 0;
  std::size_t close = sv::npos;
  for (std::size_t k = 0; k < s.size();) {
    const std::size_t at = k;
    const char32_t cp = utf8::next(s, k);
    if (cp == U'（' || cp == U'(') ++depth;
    if ((cp == U'）' || cp == U')') && --depth == 0) {
      close = at;
      break;
    }
  }
  if (close == sv::npos) return;
  const std::size_t open_len = starts_with(s, "（") ? std::strlen("（") : 1;
  const sv inner = s.substr(open_len, close - open_len);
  doc_.meta.law_number = utf8::trim(law_number_without_date(inner));
  if (auto date = find_japanese_date(inner)) doc_.meta.date = *date;
  // 皇室典範: "…最終改正：昭和二四年五月三一日法律第一三四号　　　第一章　皇位継承" (the first
  // chapter heading glued to the line).
  const std::size_t glued = s.rfind("　　　第");
  if (glued != sv::npos && glued > close)
    if (auto level = structure_level(ltrim(s.substr(glued)))) on_structure(*level, ltrim(s.substr(glued)));
  boundary_ = true;
}

void StatuteParser::process(std::size_t& i) {
  const sv s = line_text(i);
  if (s.empty()) {
    ++blank_run_;
    cur_.prev_text = false;
    return;
  }
  const int blanks = blank_run_;
  blank_run_ = 0;
  const bool indented = starts_with(s, kIdeoSpace) || s.front() == ' ' || s.front() == '\t';
  int indent = 0;
  const sv stripped = indented ? ltrim(s, &indent) : s;

  const int structure_continued = last_structure_;
  last_structure_ = -1;
  if ((starts_with(stripped, "附") || indent >= 3) && is_suppl_header(stripped, indent)) {
    on_suppl_header(i, stripped);
  } else if (!indented && is_appendix_heading(s)) {
    on_appendix(i, s);
  } else if (indented && !in_table_ && starts_with(stripped, "第") && structure_level(stripped)) {
    on_structure(*structure_level(stripped), stripped);
  } else if (front_ && indented && (stripped == "附則" || stripped == "前文" || stripped == "目次")) {
    cur_.prev_text = false;  // table of contents entries
  } else {
    // Article caption, possibly broken over lines ("（農地法" / "の施行停止）"), right before its heading.
    if (!indented && is_caption_start(s)) {
      for (std::size_t j = i; j < lines_.size() && j < i + 6; ++j) {
        const sv c = line_text(j);
        if (c.empty() || (j > i && (starts_with(c, kIdeoSpace) || is_caption_start(c)))) break;
        if (!is_caption_end(c)) continue;
        if (j + 1 >= lines_.size()) break;
        const sv h = line_text(j + 1);
        auto number = heading_number(h);
        if (!number || (in_table_ && !next_is_indented(j + 1))) break;
        last_number_ = article_order(*number);
        std::string caption;
        for (std::size_t k = i; k <= j; ++k) caption += utf8::trim(line_text(k));
        open_article(*number, h, caption, lines_[i].begin, lines_[j + 1].end);
        i = j + 1;
        return;
      }
    }
    if (!indented && starts_with(s, "第")) {
      if (auto number = heading_number(s)) {
        // Tables inside articles have cells like 第三十一条 too; without a caption or an indented
        // text after it, a heading must at least come after the previous article (0172, 6630).
        const bool indented_next = next_is_indented(i);
        const auto order = article_order(*number);
        const bool accepted = in_table_ ? blanks >= 2 && indented_next
                                        : indented_next || ((blanks >= 2 || boundary_) && order > last_number_);
        if (accepted) {
          last_number_ = order;
          open_article(*number, s, "", lines_[i].begin, lines_[i].end);
          return;
        }
      }
    }
    // Caption printed after the heading (郵便法): 第一条 / （この法律の目的） / 　この法律は…
    if (!indented && cur_.open && (cur_.kind == UnitKind::Article || cur_.kind == UnitKind::SupplArticle) &&
        cur_.text.empty() && is_caption_start(s) && is_caption_end(s) && !cur_.heading_path.empty()) {
      const std::size_t j = i + 1;
      if (j >= lines_.size() || line_text(j).empty() || starts_with(line_text(j), kIdeoSpace)) {
        cur_.heading_path.insert(cur_.heading_path.end() - 1, utf8::trim(s));
        cur_.src_end = lines_[i].end;
        return;
      }
    }
    if (!indented && is_number_line(s)) {
      const std::size_t j = next_nonblank(i);
      // 位階令: "○２" / "" / "一位ハ親授…" (old laws number paragraphs with ○ and do not indent).
      const bool numbered_text = j < lines_.size() &&
                                 (starts_with(line_text(j), kIdeoSpace) ||
                                  ((j == i + 1 || starts_with(s, "○")) && !is_number_line(line_text(j)) &&
                                   !heading_number(line_text(j))));
      if (numbered_text) {
        set_marker(s, i);
        boundary_ = false;
        return;
      }
    }
    if (structure_continued >= 0 && blanks == 0 && !indented) {
      // a chapter title broken after a law name: "　　　　第二十節　戸籍法" / "に規定する審判事件"
      levels_[structure_continued] += utf8::trim(s);
      last_structure_ = structure_continued;
      return;
    }
    if (front_) {
      // 日本国憲法: "…この憲法を確定する。…誓ふ。　　　第一章　天皇" (the first chapter glued to the 前文).
      const std::size_t glued = s.rfind("　　　第");
      if (glued != sv::npos && glued > 0) {
        const sv tail = ltrim(s.substr(glued));
        if (auto level = structure_level(tail)) {
          append_text(i, s.substr(0, glued), indented);
          on_structure(*level, tail);
          return;
        }
      }
    }
    // "…この政令を制定する。１" (6274): the number of the first paragraph glued to the 制定文.
    if (ends_with(s, "。１") && next_is_indented(i)) {
      const sv number = s.substr(s.size() - std::strlen("１"));
      append_text(i, s.substr(0, s.size() - number.size()), indented);
      set_marker(number, i);
      cur_.marker_src = lines_[i].begin + s.size() - number.size();
      boundary_ = false;
      return;
    }
    append_text(i, s, indented);
    boundary_ = false;
  }
}

void StatuteParser::on_structure(int level, sv stripped) {
  if (!front_) close_unit();
  levels_[level] = utf8::trim(stripped);
  for (std::size_t k = level + 1; k < levels_.size(); ++k) levels_[k].clear();
  last_structure_ = level;
  boundary_ = true;
  cur_.prev_text = false;
}

void StatuteParser::on_suppl_header(std::size_t i, sv stripped) {
  close_unit();
  front_ = false;
  in_table_ = false;
  ++suppl_;
  suppl_label_ = suppl_label(stripped);
  last_number_.clear();
  for (auto& l : levels_) l.clear();
  boundary_ = true;
  cur_ = Unit{};
  cur_.open = true;
  cur_.kind = UnitKind::SupplBody;
  cur_.key = "suppl" + std::to_string(suppl_);
  cur_.heading_path = {suppl_label_};
  cur_.src_begin = lines_[i].begin;
  cur_.src_end = lines_[i].end;
}

void StatuteParser::on_appendix(std::size_t i, sv s) {
  close_unit();
  front_ = false;
  in_table_ = true;
  boundary_ = true;
  cur_ = Unit{};
  cur_.open = true;
  cur_.kind = UnitKind::Table;
  cur_.key = "table" + std::to_string(++tables_);
  cur_.heading_path = {utf8::trim(s)};
  cur_.src_begin = lines_[i].begin;
  cur_.src_end = lines_[i].end;
  new_out_line(lines_[i].begin, lines_[i].end);
  append_body(s);
  cur_.prev_text = false;
}

void StatuteParser::open_article(const std::string& number, sv heading, const std::string& caption,
                                 std::size_t src_begin, std::size_t src_end) {
  if (suppl_ == 0) saw_main_article_ = true;  // before closing: the text so far is a 前文, not #main
  close_unit();
  front_ = false;
  in_table_ = false;
  boundary_ = false;
  cur_ = Unit{};
  cur_.open = true;
  if (suppl_ == 0) {
    cur_.kind = UnitKind::Article;
    cur_.key = "art" + number;
    cur_.article = number;
  } else {
    // 附則 articles restart at 第一条: no article number, so a filter on 第二条 finds the main one.
    cur_.kind = UnitKind::SupplArticle;
    cur_.key = "suppl" + std::to_string(suppl_) + "-art" + number;
    cur_.heading_path.push_back(suppl_label_);
  }
  for (const auto& l : levels_)
    if (!l.empty()) cur_.heading_path.push_back(l);
  if (!caption.empty()) cur_.heading_path.push_back(caption);
  cur_.heading_path.push_back(utf8::trim(heading));
  cur_.marker = utf8::trim(heading);
  cur_.marker_src = src_begin;
  cur_.marker_src_end = src_end;
  cur_.src_begin = src_begin;
  cur_.src_end = src_end;
}

// Text outside any article: 前文 / 制定文 before the first article, a 附則 without articles, …
void StatuteParser::ensure_unit(std::size_t src_begin) {
  if (cur_.open) return;
  cur_ = Unit{};
  cur_.open = true;
  cur_.src_begin = src_begin;
  cur_.src_end = src_begin;
  if (suppl_ > 0) {
    cur_.kind = UnitKind::SupplBody;
    cur_.key = "suppl" + std::to_string(suppl_);
    cur_.heading_path = {suppl_label_};
  } else {
    cur_.kind = UnitKind::Preamble;  // keyed when closed: #preamble or #main
    cur_.opened_in_front = front_;
  }
  for (const auto& l : levels_)
    if (!l.empty() && !front_) cur_.heading_path.push_back(l);
}

void StatuteParser::set_marker(sv marker, std::size_t i) {
  ensure_unit(lines_[i].begin);
  flush_marker();
  cur_.marker = std::string(marker);
  cur_.marker_src = lines_[i].begin;
  cur_.marker_src_end = lines_[i].end;
  cur_.src_end = lines_[i].end;
  cur_.prev_text = false;
}

void StatuteParser::new_out_line(std::size_t src_begin, std::size_t src_end) {
  if (!cur_.text.empty()) cur_.text += '\n';
  cur_.lines.push_back({cur_.text.size(), src_begin, src_end});
}

// A marker with no text of its own (第三条 followed directly by 一) becomes a line by itself.
void StatuteParser::flush_marker() {
  if (cur_.marker.empty()) return;
  new_out_line(cur_.marker_src, cur_.marker_src_end);
  cur_.text += cur_.marker;
  cur_.marker.clear();
}

// Appends text, starting a line before a sub-item the export glued to the end of its item
// (会社法第二条第六号: "…株式会社をいう。イ　最終事業年度に…").
void StatuteParser::append_body(sv body) {
  static constexpr sv kFirstSubItem = "イ\u3000";
  std::size_t from = 0;
  for (;;) {
    // memmem, not find: find() stops at every 0xE3 lead byte, that is at every kana.
    const void* hit = from < body.size() ? ::memmem(body.data() + from, body.size() - from, kFirstSubItem.data(),
                                                    kFirstSubItem.size())
                                         : nullptr;
    if (!hit) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - body.data());
    if (at == 0 ||
        (at >= kIdeoSpace.size() && body.compare(at - kIdeoSpace.size(), kIdeoSpace.size(), kIdeoSpace) == 0)) {
      from = at + kFirstSubItem.size();
      continue;
    }
    cur_.text.append(body.substr(0, at));
    cur_.text += '\n';
    body.remove_prefix(at);
    from = kFirstSubItem.size();
  }
  cur_.text.append(body);
}

void StatuteParser::append_text(std::size_t i, sv s, bool indented) {
  ensure_unit(lines_[i].begin);
  const sv body = indented ? ltrim(s) : s;
  const std::size_t line_end = lines_[i].begin + s.size();
  // The export breaks sentences around references; a line that ended a sentence (。) was not broken.
  const bool join = !indented && cur_.prev_text && cur_.marker.empty() && !ends_with(cur_.text, "。") &&
                    !starts_with_enumerator(s);
  if (join && !cur_.lines.empty()) {
    cur_.lines.back().src_end = line_end;
  } else if (!cur_.marker.empty()) {
    new_out_line(cur_.marker_src, line_end);
    cur_.text += cur_.marker;
    cur_.text += kIdeoSpace;
    cur_.marker.clear();
  } else {
    new_out_line(lines_[i].begin, line_end);
  }
  append_body(body);
  cur_.src_end = line_end;
  cur_.prev_text = true;
}

void StatuteParser::close_unit() {
  if (!cur_.open) return;
  flush_marker();
  if (!cur_.text.empty()) {
    if (cur_.kind == UnitKind::Preamble) {
      cur_.key = cur_.opened_in_front && saw_main_article_ ? "preamble" : "main";
      cur_.heading_path.insert(cur_.heading_path.begin(), cur_.key == "main"             ? "本則"
                                                          : is_enacting_clause(cur_.text) ? "制定文"
                                                                                          : "前文");
    }
    emit(cur_);
  }
  cur_ = Unit{};
}

std::string StatuteParser::unique_id(const std::string& key) {
  std::string id = doc_id_ + "#" + key;
  for (int n = 2; ids_.count(id); ++n) id = doc_id_ + "#" + key + "-" + std::to_string(n);
  ids_.insert(id);
  return id;
}

// Cuts a long line at a UTF-8 boundary, after a line break, U+3000, 。 or 、 when one is near the end.
std::size_t cut_point(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t cut = std::min(end, begin + kMaxPassageBytes);
  if (cut == end) return end;
  while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t floor = begin + kMaxPassageBytes * 3 / 4;
  // Looked for between floor and cut only: a search back to the start of the text made a 3.1 MB line
  // without separators take 15 s (quadratic).
  const sv window = floor < cut ? sv(text).substr(floor, cut - floor) : sv();
  for (sv sep : {sv("\n"), kIdeoSpace, sv("。"), sv("、")}) {
    const std::size_t at = window.rfind(sep);
    if (at != sv::npos) return floor + at + sep.size();
  }
  return cut > begin ? cut : end;
}

void StatuteParser::emit(Unit& u) {
  auto make = [&](std::string key, std::size_t tb, std::size_t te, std::size_t sb, std::size_t se) {
    while (tb < te && u.text[tb] == '\n') ++tb;
    while (te > tb && u.text[te - 1] == '\n') --te;
    if (tb == te) return;
    Passage p;
    p.id = unique_id(key);
    p.heading_path = u.heading_path;
    p.text = u.text.substr(tb, te - tb);
    p.source_begin = sb;
    p.source_end = se;
    p.article = u.article;
    doc_.passages.push_back(std::move(p));
  };
  if (u.text.size() <= kMaxPassageBytes || u.lines.empty()) {
    make(u.key, 0, u.text.size(), u.src_begin, u.src_end);
    return;
  }
  // Too big (a 別表, a huge 附則): parts of whole lines, a giant line cut by itself.
  int part = 0;
  auto part_key = [&]() { return ++part == 1 ? u.key : u.key + "-p" + std::to_string(part); };
  std::size_t chunk_tb = 0, chunk_sb = u.src_begin, chunk_se = u.src_begin;
  bool chunk_empty = true;
  for (std::size_t k = 0; k < u.lines.size(); ++k) {
    const OutLine& l = u.lines[k];
    const std::size_t line_te = k + 1 < u.lines.size() ? u.lines[k + 1].text_begin : u.text.size();
    if (!chunk_empty && line_te - chunk_tb > kMaxPassageBytes && line_te - l.text_begin <= kMaxPassageBytes) {
      make(part_key(), chunk_tb, l.text_begin, chunk_sb, chunk_se);
      chunk_empty = true;
    }
    if (chunk_empty) {
      chunk_tb = l.text_begin;
      chunk_sb = k == 0 ? u.src_begin : l.src_begin;
      chunk_empty = false;
    }
    chunk_se = l.src_end;
    while (line_te - chunk_tb > kMaxPassageBytes) {  // one line alone is too big
      const std::size_t cut = cut_point(u.text, chunk_tb, line_te);
      if (cut >= line_te) break;
      make(part_key(), chunk_tb, cut, chunk_sb, chunk_se);
      chunk_tb = cut;
      chunk_sb = l.src_begin;
    }
  }
  if (!chunk_empty) make(part_key(), chunk_tb, u.text.size(), chunk_sb, u.src_end);
}

}  // namespace

Document parse_statute_text(std::string_view text, const std::string& doc_id, const std::string& source_path) {
  return StatuteParser(text, doc_id, source_path).run();
}

}  // namespace tsubo
