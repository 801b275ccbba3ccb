// 判決 / 決定 / 命令 from a ruling's own words (see decision_kind.h for the order of the evidence).
#include "corpus/decision_kind.h"

#include <array>
#include <regex>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr std::array<std::string_view, 3> kKinds = {"判決", "決定", "命令"};
constexpr std::size_t kHeaderLines = 12;
// The closing formula stands in the last lines; a 「…を決定する」 in the reasons must not count.
constexpr std::size_t kClosingBytes = 3000;

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string_view kind_named(std::string_view compact) {
  for (auto k : kKinds)
    if (compact == k) return k;
  return {};
}

}  // namespace

std::string decision_kind(std::string_view contents, std::string_view case_number, std::string_view case_name) {
  // 1. 「判     決」 alone on a line before 主文.
  std::size_t seen = 0, start = 0;
  std::string first_lines;
  while (start < contents.size() && seen < kHeaderLines) {
    std::size_t end = contents.find('\n', start);
    if (end == std::string_view::npos) end = contents.size();
    const std::string line = utf8::remove_spaces(contents.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    ++seen;
    if (line == "主文") break;
    if (auto k = kind_named(line); !k.empty()) return std::string(k);
    first_lines += line + "\n";
  }
  // 2. The closing formula: 「よって，主文のとおり判決する。」, across line breaks.
  std::size_t from = contents.size() > kClosingBytes ? contents.size() - kClosingBytes : 0;
  while (from > 0 && (static_cast<unsigned char>(contents[from]) & 0xC0) == 0x80) --from;  // a whole character
  const std::string tail = utf8::remove_spaces(contents.substr(from));
  std::size_t best = 0;
  std::string_view found;
  for (auto k : kKinds) {
    const std::size_t at = tail.rfind(std::string(k) + "する");
    if (at != std::string::npos && (found.empty() || at > best)) best = at, found = k;
  }
  if (!found.empty()) return std::string(found);
  // 3. The first lines: 「令和２年３月２５日判決言渡」, 「…東京地方裁判所刑事第７部宣告」, 「…決定」.
  if (contains(first_lines, "判決言渡") || contains(first_lines, "宣告")) return "判決";
  if (contains(first_lines, "決定")) return "決定";
  // 4. The case number's mark and the case name.
  static const std::regex kDecided("\\((ク|許|ラ|し|行ク|行フ|行ト)\\)");
  const std::string number = normalize_nfkc(case_number);
  if (std::regex_search(number, kDecided)) return "決定";
  const std::string name = utf8::remove_spaces(case_name);
  constexpr std::string_view kAppeal = "抗告事件";
  if (name.size() >= kAppeal.size() && name.compare(name.size() - kAppeal.size(), kAppeal.size(), kAppeal) == 0)
    return "決定";
  return "";
}

}  // namespace tsubo
