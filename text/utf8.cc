// UTF-8 decoding and classification without ICU, for hot loops in importers.
#include "text/utf8.h"

namespace tsubo::utf8 {

char32_t next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const int c = cont(k);
    if (c < 0) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | static_cast<char32_t>(c);
  }
  // Reject overlong forms and surrogates.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t first_invalid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = next(s, i);
    if (cp == 0xFFFD && !(i - start == 3 && static_cast<unsigned char>(s[start]) == 0xEF)) return start;
  }
  return std::string_view::npos;
}

bool valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) append(out, next(s, i));
  return out;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t advance(std::string_view s, std::size_t from, std::size_t n_code_points) {
  std::size_t i = from;
  while (i < s.size() && n_code_points > 0) {
    next(s, i);
    --n_code_points;
  }
  return i;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x30FF) ||   // hiragana, katakana, ー
         (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3134F) || // extensions B–G
         cp == 0x3005 || cp == 0x3006 || cp == 0x30F6 || (cp >= 0xFF66 && cp <= 0xFF9F);
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x3000 ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

std::string trim(std::string_view s) {
  std::size_t begin = 0, end = s.size();
  {
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t at = i;
      if (!is_space(next(s, i))) {
        begin = at;
        break;
      }
      begin = i;
    }
  }
  // Walk forward remembering the end of the last non-space code point.
  std::size_t last = begin;
  std::size_t i = begin;
  while (i < s.size()) {
    const char32_t cp = next(s, i);
    if (!is_space(cp)) last = i;
  }
  end = last;
  return std::string(s.substr(begin, end - begin));
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size() / 2);
  std::size_t i = 0;
  while (i < s.size()) out.push_back(next(s, i));
  return out;
}

std::string from_u32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) append(out, cp);
  return out;
}

std::string remove_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t cp = next(s, i);
    if (!is_space(cp)) out.append(s.substr(at, i - at));
  }
  return out;
}

}  // namespace tsubo::utf8
