// Recognises the headings of courts.go.jp rulings line by line (see ruling_headings.h for the levels).
#include "corpus/ruling_headings.h"

#include <algorithm>
#include <array>

#include "text/utf8.h"

namespace tsubo::ruling {
namespace {

std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) out.push_back(utf8::next(s, i));
  return out;
}

std::string encode(const std::vector<char32_t>& cps, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to && k < cps.size(); ++k) utf8::append(out, cps[k]);
  return out;
}

bool is_digit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }
bool is_kanji_digit(char32_t cp) {
  return std::u32string_view(U"〇一二三四五六七八九十").find(cp) != std::u32string_view::npos;
}
// Katakana used as enumerators: ア…ン without the small kana (ァィゥェォッャュョヮ); half-width too.
bool is_kana_enumerator(char32_t cp) {
  if (cp >= 0xFF71 && cp <= 0xFF9D) return true;
  if (cp < U'ア' || cp > U'ン') return false;
  return std::u32string_view(U"ィゥェォッャュョヮ").find(cp) == std::u32string_view::npos;
}
bool is_latin_lower(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'ａ' && cp <= U'ｚ'); }
bool is_open_paren(char32_t cp) { return cp == U'(' || cp == U'（'; }
bool is_close_paren(char32_t cp) { return cp == U')' || cp == U'）'; }

// Reads one enumerator at cps[k]; returns its level (0 when there is none) and advances k.
// Bare enumerators (第１, １, ア, ａ) must be followed by white space, the line end or a bracketed
// enumerator (３(1)); bracketed and circled ones may touch the text.
int read_enumerator(const std::vector<char32_t>& cps, std::size_t& k) {
  const std::size_t n = cps.size();
  auto bare_end_ok = [&](std::size_t j) {
    return j >= n || utf8::is_space(cps[j]) || is_open_paren(cps[j]) || (cps[j] >= 0x2474 && cps[j] <= 0x2487);
  };
  const char32_t c = cps[k];
  if (c >= 0x2474 && c <= 0x2487) {  // ⑴ … ⒇
    ++k;
    return kParenNumber;
  }
  if (c >= 0x2460 && c <= 0x2473) {  // ① … ⑳
    ++k;
    return kCircled;
  }
  if (is_open_paren(c) && k + 2 < n) {
    std::size_t j = k + 1;
    int level = 0;
    if (is_digit(cps[j])) {
      while (j < n && is_digit(cps[j]) && j - k <= 2) ++j;
      level = kParenNumber;
    } else if (is_kana_enumerator(cps[j])) {
      ++j;
      level = kParenKana;
    } else if (is_latin_lower(cps[j])) {
      ++j;
      level = kParenLatin;
    }
    if (level && j < n && is_close_paren(cps[j])) {
      k = j + 1;
      return level;
    }
    return 0;
  }
  if (c == U'第') {
    std::size_t j = k + 1;
    while (j < n && (is_digit(cps[j]) || is_kanji_digit(cps[j])) && j - k <= 3) ++j;
    if (j > k + 1 && (j >= n || utf8::is_space(cps[j]))) {
      k = j;
      return kDai;
    }
    return 0;
  }
  if (is_digit(c)) {
    std::size_t j = k;
    while (j < n && is_digit(cps[j])) ++j;
    if (j - k <= 2 && bare_end_ok(j)) {
      k = j;
      return kNumber;
    }
    return 0;
  }
  if (is_kana_enumerator(c) && bare_end_ok(k + 1)) {
    ++k;
    return kKana;
  }
  if (is_latin_lower(c) && (k + 1 >= n || utf8::is_space(cps[k + 1]))) {
    ++k;
    return kLatin;
  }
  return 0;
}

std::string strip_spaces(std::string_view s) { return utf8::remove_spaces(s); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The named parts of a criminal judgment (刑訴法335条: 罪となるべき事実, 証拠の標目, 法令の適用).
bool is_criminal_part(std::string_view name) {
  static const std::array<std::string_view, 14> kParts = {
      "罪となるべき事実", "犯罪事実",   "犯罪の事実",         "証拠の標目",
      "証拠",             "法令の適用", "量刑の理由",         "事実認定の補足説明",
      "補足説明",         "争点に対する判断", "弁護人の主張に対する判断", "累犯前科",
      "確定裁判",         "訴訟費用",
  };
  return std::find(kParts.begin(), kParts.end(), name) != kParts.end();
}

}  // namespace

HeadingLine classify_heading(std::string_view line, bool after_main_text) {
  HeadingLine h;
  const std::string compact = strip_spaces(line);
  if (compact.empty()) return h;

  if (compact == "主文" || compact == "事実及び理由" || compact == "事実および理由" || compact == "理由" ||
      compact == "事実") {
    h.kind = HeadingLine::Kind::Root;
    h.level = kRoot;
    h.name = compact == "事実および理由" ? "事実及び理由" : compact;
    return h;
  }
  if (compact == "判決") {
    h.kind = HeadingLine::Kind::Judgment;
    h.level = kRoot;
    h.name = compact;
    return h;
  }
  const std::size_t compact_chars = utf8::length(compact);
  const bool has_sentence_mark = contains(compact, "。") || contains(compact, "，") || contains(compact, "、");
  if (after_main_text && compact_chars <= 25 && !has_sentence_mark &&
      (starts_with(compact, "別紙") || starts_with(compact, "（別紙") || starts_with(compact, "(別紙") ||
       (compact_chars <= 20 && contains(compact, "目録") && !contains(compact, "記載")))) {
    h.kind = HeadingLine::Kind::Appendix;
    h.level = kRoot;
    h.name = compact;
    return h;
  }
  if (is_criminal_part(compact) && compact != "証拠" && compact != "補足説明" && compact != "訴訟費用") {
    h.kind = HeadingLine::Kind::Bracket;
    h.level = kCriminalPart;
    h.name = compact;
    return h;
  }

  const auto cps = decode(compact);
  static const std::u32string_view kOpen = U"【〔（([［", kClose = U"】〕）)]］";
  if (cps.size() >= 3) {
    const auto open = kOpen.find(cps.front());
    if (open != std::u32string_view::npos && cps.back() == kClose[open]) {
      const std::string inner = encode(cps, 1, cps.size() - 1);
      if (is_criminal_part(inner)) {
        h.kind = HeadingLine::Kind::Bracket;
        h.level = kCriminalPart;
        h.name = inner;
        return h;
      }
      if (!has_sentence_mark && cps.size() <= 32 && (ends_with(inner, "主張") || ends_with(inner, "反論"))) {
        h.kind = HeadingLine::Kind::Bracket;
        h.level = kClaim;
        h.name = inner;
        return h;
      }
      // A bracketed enumerator alone on its line, "(1)", falls through to the enumerator reading.
    }
  }

  const auto line_cps = decode(utf8::trim(line));
  std::size_t k = 0;
  int last_level = 0;
  while (k < line_cps.size()) {
    std::size_t j = k;
    const int level = read_enumerator(line_cps, j);
    if (level == 0 || level <= last_level) break;
    h.enumerators.push_back({level, encode(line_cps, k, j)});
    last_level = level;
    k = j;
  }
  // A bare enumerator was let through for a compound (３(1)); if no bracketed one followed, it was
  // not an enumerator: "２（甲３）".
  while (!h.enumerators.empty() && k < line_cps.size() && !utf8::is_space(line_cps[k])) {
    const int level = h.enumerators.back().level;
    if (level != kDai && level != kNumber && level != kKana && level != kLatin) break;
    k -= decode(h.enumerators.back().text).size();
    h.enumerators.pop_back();
  }
  if (h.enumerators.empty()) return h;
  h.kind = HeadingLine::Kind::Enumerated;
  h.level = h.enumerators.front().level;
  h.spaced = k >= line_cps.size() || utf8::is_space(line_cps[k]);
  h.title = utf8::trim(encode(line_cps, k, line_cps.size()));
  return h;
}

bool is_short_title(std::string_view title) {
  if (title.empty() || utf8::length(title) > 80) return false;
  const std::string t = utf8::trim(title);
  return !ends_with(t, "。") && !ends_with(t, "。」");
}

std::string section_name(std::string_view title) {
  std::string s = strip_spaces(title);
  // Drop one trailing parenthetical when something is left before it.
  if (ends_with(s, "）")) {
    int depth = 0;
    const auto cps = decode(s);
    for (std::size_t k = cps.size(); k-- > 0;) {
      if (cps[k] == U'）') ++depth;
      if (cps[k] == U'（' && --depth == 0) {
        if (k > 0) s = encode(cps, 0, k);
        break;
      }
    }
  }
  return s;
}

}  // namespace tsubo::ruling
