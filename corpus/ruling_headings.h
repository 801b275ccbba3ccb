// Headings of a Japanese court ruling as they appear on a line: 主文, 事実及び理由, 第１, １, ⑴, ア,
// (ア), ａ, (a), ①, 【原告の主張】 — recognised even when spaced out (事 実 及 び 理 由, 主     文).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsubo::ruling {

// Nesting levels, outermost first. Judgments number their parts 第１ › １ › ⑴ › ア › (ア) › ａ › (a).
// The levels are even so that a party's claim (【原告の主張】) can sit one below whatever heading it
// follows: below ⑴ in 88984 (⑴ … 〔控訴人の主張〕 ア …), below ア in 82678 (ア … 【原告の主張】 (ア) …).
enum Level : int {
  kRoot = 0,           // 主文, 事実及び理由, 理由, 事実, 別紙 (and the pseudo-section 当事者 before 主文)
  kCriminalPart = 2,   // 【犯罪事実】, （罪となるべき事実）, 【量刑の理由】: the parts of a criminal judgment
  kDai = 4,            // 第１
  kNumber = 6,         // １
  kParenNumber = 8,    // ⑴, (1), （１）, or an enumerator the PDF lost (82678)
  kKana = 10,          // ア
  kParenKana = 12,     // (ア), (ｱ)
  kLatin = 14,         // ａ
  kParenLatin = 16,    // (a)
  kCircled = 18,       // ①
  kClaim = 19,         // 【原告の主張】, 〔被告らの反論〕: placed by the caller, see above
};

struct Enumerator {
  int level = 0;
  std::string text;  // as written: 第１, ⑴, (ア)
};

struct HeadingLine {
  enum class Kind {
    None,        // ordinary text
    Root,        // 主文, 事実及び理由, 理由, 事実
    Appendix,    // （別紙）, 別紙１, 営業秘密目録: attachments after the judges' names
    Judgment,    // 判決 / 判     決: the title line of the preamble
    Bracket,     // a whole line in brackets naming a part (kCriminalPart) or a party's claim (kClaim)
    Enumerated,  // enumerators, then a title, a sentence or nothing
  };
  Kind kind = Kind::None;
  int level = -1;                       // the outermost level the line opens
  std::string name;                     // Root: canonical (事実及び理由); Bracket: the words inside
  std::vector<Enumerator> enumerators;  // Enumerated: one, or several when compound (３(1), (イ)ａ)
  std::string title;                    // Enumerated: what follows the enumerators, trimmed
  bool spaced = false;                  // Enumerated: white space or the line end after the enumerators
};

// What kind of heading `line` (cleaned, trimmed) would be if it stood at the start of a paragraph.
// Appendix headings are only looked for once the main text has begun (after 主文).
HeadingLine classify_heading(std::string_view line, bool after_main_text);

// True when an enumerated heading's title is a short title ("当裁判所の判断") rather than the
// first sentence of a numbered paragraph ("本件控訴を棄却する。").
bool is_short_title(std::string_view title);

// The section name a title gives: spaces removed, a trailing parenthetical dropped
// ("事案の概要（略称は，原判決に従う。）" → "事案の概要").
std::string section_name(std::string_view title);

}  // namespace tsubo::ruling
