// 平成28(う)974 → 平成28年(う)第974号 (see case_numbers.h); web/common.js caseNumberLabel does the same.
#include "text/case_numbers.h"

#include <regex>

namespace tsubo {

std::string written_case_number(std::string_view number) {
  static const std::regex kMetadata("(明治|大正|昭和|平成|令和)([0-9]+)((?:特)?)\\(([^)]+)\\)([0-9]+)(.*)");
  const std::string s(number);
  std::smatch m;
  if (!std::regex_match(s, m, kMetadata)) return s;
  return m[1].str() + (m[2].str() == "1" ? "元" : m[2].str()) + "年" + m[3].str() + "(" + m[4].str() + ")第" +
         m[5].str() + "号" + m[6].str();
}

}  // namespace tsubo
