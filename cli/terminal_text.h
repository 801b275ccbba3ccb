// Text from users and files, made safe to print on a terminal: control characters escaped (an ESC
// in a query must not recolour or move the user's terminal), long input shortened.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tsubo::cli {

// How much of a user's input a message echoes.
inline constexpr std::size_t kEchoCharacters = 100;

// Control characters (C0 but line ends and tabs when keep_line_ends, DEL, C1) and bytes that are not UTF-8
// become \xNN (ESC → \x1b, a C1 character U+009B → \u009b); everything else is kept.
std::string escape_controls(std::string_view text, bool keep_line_ends = false);

// Input echoed in a message: «text» with controls escaped; past kEchoCharacters characters it is
// cut and its length given: «営業秘密営業秘密…» (102400 bytes).
std::string echoed(std::string_view input);

// A message that may hold input between « and » (errors of the libraries): controls escaped but
// line ends and tabs, and a «…» longer than kEchoCharacters shortened as echoed() does.
std::string printable(std::string_view message);

// Marks written as text ([-…-], <mark>…) turned into terminal styles: every `from` in s becomes `to`.
std::string replace_all(std::string s, std::string_view from, std::string_view to);

}  // namespace tsubo::cli
