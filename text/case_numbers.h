// Case numbers (事件番号) in the two shapes they come in: courts.go.jp's metadata and the lawyers' own.
#pragma once

#include <string>
#include <string_view>

namespace tsubo {

// The metadata's form as lawyers write it: 平成28(う)974 → 平成28年(う)第974号, 令和1(ネ)10037 →
// 令和元年(ネ)第10037号, 令和3特(わ)129 → 令和3年特(わ)第129号, 平成23(ネ)10084等 → 平成23年(ネ)第10084号等.
// Anything of another shape comes back as it is.
std::string written_case_number(std::string_view number);

}  // namespace tsubo
