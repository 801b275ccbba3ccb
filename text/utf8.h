// UTF-8 walking helpers shared by importers, the analyzer and snippets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tsubo::utf8 {

// Decodes the code point starting at s[i] and advances i past it. Invalid bytes decode as
// U+FFFD and advance by one byte, so a walk never stalls on broken input.
char32_t next(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of cp to out.
void append(std::string& out, char32_t cp);

// The code points of s (decoded as next() does), and back: for parsers that index characters.
std::u32string to_u32(std::string_view s);
std::string from_u32(std::u32string_view s);

// True when s is well-formed UTF-8.
bool valid(std::string_view s);
// Byte offset of the first ill-formed sequence in s; npos when s is well-formed UTF-8.
std::size_t first_invalid(std::string_view s);

// Replaces invalid sequences by U+FFFD.
std::string sanitize(std::string_view s);

// Number of code points.
std::size_t length(std::string_view s);

// Byte offset just after the first n code points (or s.size()).
std::size_t advance(std::string_view s, std::size_t from, std::size_t n_code_points);

// CJK ideographs, kana, and the iteration marks 々〆ヶ: letters of Japanese words.
bool is_cjk(char32_t cp);
// ASCII or Unicode white space, including the ideographic space U+3000.
bool is_space(char32_t cp);

// Trims ASCII and ideographic white space from both ends.
std::string trim(std::string_view s);
// Removes every white space character (ASCII, U+3000, NBSP).
std::string remove_spaces(std::string_view s);

}  // namespace tsubo::utf8
