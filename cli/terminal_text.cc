// Escaping and shortening echoed input for the terminal.
#include "cli/terminal_text.h"

#include <cstdio>

#include "text/utf8.h"

namespace tsubo::cli {
namespace {

constexpr std::string_view kOpen = "«", kClose = "»";

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

// The first kEchoCharacters characters of input, escaped, and … with the length when cut.
std::string shortened(std::string_view input) {
  const std::size_t end = utf8::advance(input, 0, kEchoCharacters);
  if (end >= input.size()) return escape_controls(input);
  return escape_controls(input.substr(0, end)) + "…";
}

}  // namespace

std::string escape_controls(std::string_view text, bool keep_line_ends) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::next(text, i);
    const std::string_view bytes = text.substr(start, i - start);
    if (cp == 0xFFFD && bytes != "\xEF\xBF\xBD") {  // not UTF-8
      out += hex_byte(static_cast<unsigned char>(text[start]));
    } else if (cp < 0x20 || cp == 0x7F) {
      if (keep_line_ends && (cp == '\n' || cp == '\t')) out += static_cast<char>(cp);
      else out += hex_byte(static_cast<unsigned char>(cp));
    } else if (cp >= 0x80 && cp < 0xA0) {  // C1: U+009B is CSI on some terminals
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out += bytes;
    }
  }
  return out;
}

std::string echoed(std::string_view input) {
  std::string out = std::string(kOpen) + shortened(input) + std::string(kClose);
  if (utf8::advance(input, 0, kEchoCharacters) < input.size()) out += " (" + std::to_string(input.size()) + " bytes)";
  return out;
}

std::string printable(std::string_view message) {
  std::string out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t open = message.find(kOpen, from);
    const std::size_t close = open == std::string_view::npos ? open : message.find(kClose, open + kOpen.size());
    if (close == std::string_view::npos) break;
    out += escape_controls(message.substr(from, open - from), true);
    out += echoed(message.substr(open + kOpen.size(), close - open - kOpen.size()));
    from = close + kClose.size();
  }
  return out + escape_controls(message.substr(from), true);
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  if (from.empty()) return s;
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

}  // namespace tsubo::cli
