// 逐条解説 (article-by-article commentary): headings that name the provision the text under them
// explains (第２条第６項（営業秘密の定義）, （定義）第二条), and the law a commentary is about.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tsubo {

// A provision named by a heading; empty fields were not named.
struct HeadingProvision {
  std::string law;        // 不正競争防止法, when the heading names it (不正競争防止法第２条)
  std::string article;    // 2, 19の2; empty for a heading that only narrows (１．第１号（…）)
  std::string paragraph;  // 6
  std::string item;       // 4
};

// A line that is an article reference and at most a caption: 第２条第６項（営業秘密の定義）,
// （定義）第二条, 第2条第1項第4号, 第２条　定義, 不正競争防止法第十九条の二. nullopt for anything
// else: a sentence citing 第２条, 第1　総則, 第2章, 第２条の解説.
std::optional<HeadingProvision> parse_article_heading(std::string_view line);

// A heading under an article heading that narrows it to a paragraph or item, after its enumerator:
// １．第１号（周知表示混同惹起行為）, (2) 第6項, ア　第２項第１号. Article and law stay empty.
std::optional<HeadingProvision> parse_narrowing_heading(std::string_view line);

// The provision `inner` names read inside `outer` (an article heading above it): an article heading
// replaces it (keeping outer's law when it names none), a narrowing one sets the paragraph or item.
HeadingProvision narrow(const HeadingProvision& outer, const HeadingProvision& inner);

// Whether a heading's provision contains another's: 第２条 contains 第２条第６項, not 第３条.
bool contains(const HeadingProvision& outer, const HeadingProvision& inner);

// The law a commentary's title names: 逐条解説　不正競争防止法 → 不正競争防止法, 不競法逐条解説 →
// 不正競争防止法; empty when it names none.
std::string law_in_title(std::string_view title);

}  // namespace tsubo
