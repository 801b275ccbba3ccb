// A cited paragraph found by its number at the start of a line.
#include "search/paragraph_snippet.h"

#include "search/snippet.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr std::string_view kIdeoSpace = "\u3000";

// The paragraph number a line opens ("６　…" → 6), 0 for any other line.
int opens_paragraph(std::string_view line) {
  const std::size_t space = line.find(kIdeoSpace);
  if (space == std::string_view::npos || space == 0 || space > 12) return 0;
  const std::string digits = normalize_nfkc(line.substr(0, space));
  for (char c : digits)
    if (c < '0' || c > '9') return 0;
  return std::stoi(digits);
}

}  // namespace

std::optional<std::string> paragraph_snippet(std::string_view text, const std::string& paragraph,
                                             std::size_t max_chars) {
  int wanted = 0;
  try {
    wanted = std::stoi(paragraph);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (wanted < 1 || text.empty()) return std::nullopt;
  // Lines of the wanted paragraph: from the line that opens it to the next that opens another.
  std::size_t begin = std::string_view::npos, end = text.size();
  int current = 1;
  if (wanted == 1) begin = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t line_end = text.find('\n', at);
    if (line_end == std::string_view::npos) line_end = text.size();
    const int opened = at == 0 ? 0 : opens_paragraph(text.substr(at, line_end - at));
    if (opened > 0) {
      if (begin != std::string_view::npos && opened != current) {
        end = at - 1;
        break;
      }
      current = opened;
      if (opened == wanted) begin = at;
    }
    at = line_end + 1;
  }
  if (begin == std::string_view::npos) return std::nullopt;
  const std::string_view body = text.substr(begin, end - begin);
  // The paragraph's own sentence (its first line) marked; its items follow unmarked.
  const std::size_t first_line = std::min(body.find('\n'), body.size());
  const std::u32string head = utf8::to_u32(body.substr(0, first_line));
  const std::u32string rest = utf8::to_u32(body.substr(first_line));
  std::string out;
  if (head.size() >= max_chars) {
    out = "<mark>" + html_escape(utf8::from_u32(head.substr(0, max_chars))) + "</mark>…";
  } else {
    out = "<mark>" + html_escape(utf8::from_u32(head)) + "</mark>";
    std::u32string tail = rest.substr(0, max_chars - head.size());
    for (auto& c : tail)
      if (c == U'\n') c = U' ';
    out += html_escape(utf8::from_u32(tail));
    if (rest.size() > tail.size()) out += "…";
  }
  return out;
}

}  // namespace tsubo
