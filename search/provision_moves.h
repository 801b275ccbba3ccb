// Items renumbered by an amendment: 信用毀損 (虚偽の事実の告知・流布) is 不正競争防止法2条1項14号 in the
// 2013 text, 15号 from 2016-01-01 and 21号 from 2019-07-01. Given the article as a ruling read it and
// as it reads now, finds the item that now says what the cited one said.
#pragma once

#include <optional>
#include <string>

namespace tsubo {

// The text of item `item` of paragraph `paragraph` of an article's passage text (lines "２　…" open
// paragraphs, "十四　…" items); nullopt when there is none.
std::optional<std::string> item_text(const std::string& article_text, int paragraph, int item);

// The number of the item of `paragraph` in `now_text` whose wording is closest to item `item` of
// `then_text` (character bigrams shared, at least 60 % of the longer); nullopt when none is close.
std::optional<int> moved_item(const std::string& then_text, const std::string& now_text, int paragraph, int item);

}  // namespace tsubo
