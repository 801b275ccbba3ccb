// Whether a court's ruling is a 判決 (judgment), 決定 (decision) or 命令 (order), read from its text.
#pragma once

#include <string>
#include <string_view>

namespace tsubo {

// "判決", "決定" or "命令"; empty when the text does not say (a ruling known only by its gist).
// Reads, in this order: the title line above the parties (「判     決」), the closing formula
// (「主文のとおり決定する。」, 最二小決平成30年12月3日 平成30(あ)582), the first lines
// (「…判決言渡」, 「…刑事第７部宣告」: a criminal judgment is pronounced), then the case number's mark
// ((ク), (許), (ラ), (し): 抗告 are decided) and a case name ending in 抗告事件.
std::string decision_kind(std::string_view contents, std::string_view case_number, std::string_view case_name);

}  // namespace tsubo
