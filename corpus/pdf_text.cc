// Line-level cleaning of PDF-extracted text: offsets, NULs, overprinted bold, widths, sentence ends.
#include "corpus/pdf_text.h"

#include <algorithm>

#include "text/utf8.h"

namespace tsubo::pdf_text {
namespace {

std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size() / 2);
  std::size_t i = 0;
  while (i < s.size()) out.push_back(utf8::next(s, i));
  return out;
}

std::string encode(const std::vector<char32_t>& cps, std::size_t from = 0, std::size_t to = std::string::npos) {
  std::string out;
  to = std::min(to, cps.size());
  for (std::size_t k = from; k < to; ++k) utf8::append(out, cps[k]);
  return out;
}

bool is_variation_selector(char32_t cp) {
  return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool is_digit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }

// Characters that serve as enumerators inside parentheses: (1), (ア), (ｱ), (a).
bool is_enumerator_char(char32_t cp) {
  return is_digit(cp) || (cp >= U'ア' && cp <= U'ン') || (cp >= 0xFF71 && cp <= 0xFF9D) ||
         (cp >= U'a' && cp <= U'z') || (cp >= U'ａ' && cp <= U'ｚ');
}

bool is_closing(char32_t cp) {
  switch (cp) {
    case U'」': case U'』': case U'）': case U')': case U'】': case U'〕': case U'］': case U']':
      return true;
    default:
      return false;
  }
}

bool is_dash(char32_t cp) {
  return cp == U'-' || cp == U'－' || cp == U'‐' || cp == U'―' || cp == U'—' || cp == U'–' || cp == U'ー' ||
         cp == U'−';
}

// Decodes one whitespace-free token written four times over, run by run; false when it is not.
bool decode_quadrupled(const std::vector<char32_t>& t, std::vector<char32_t>& out) {
  std::size_t p = 0;
  while (p < t.size()) {
    bool found = false;
    for (std::size_t k = 1; p + 4 * k <= t.size(); ++k) {
      bool same = true;
      for (std::size_t r = 1; r < 4 && same; ++r)
        same = std::equal(t.begin() + p, t.begin() + p + k, t.begin() + p + r * k);
      if (same) {
        out.insert(out.end(), t.begin() + p, t.begin() + p + k);
        p += 4 * k;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::string undo_bold_repetition(std::string_view line) {
  const auto cps = decode(line);
  // Runs of white space (kept as they are: spaces are not overprinted) and of other characters.
  struct Run {
    bool space;
    std::vector<char32_t> cps;
  };
  std::vector<Run> runs;
  for (char32_t cp : cps) {
    const bool space = utf8::is_space(cp);
    if (runs.empty() || runs.back().space != space) runs.push_back({space, {}});
    runs.back().cps.push_back(cp);
  }
  bool informative = false, first_token = true;
  for (auto& run : runs) {
    if (run.space) continue;
    std::vector<char32_t> d;
    if (!decode_quadrupled(run.cps, d)) {
      // A plain ASCII enumerator may precede the repeated title: "(1)     当事者当事者当事者当事者".
      const bool ascii_enum = first_token && run.cps.size() <= 4 &&
                              std::all_of(run.cps.begin(), run.cps.end(), [](char32_t c) { return c < 0x80; });
      if (!ascii_enum) return std::string(line);
      d = run.cps;
    } else if (d.size() >= 2 && std::any_of(d.begin(), d.end(), [&](char32_t c) { return c != d[0]; })) {
      informative = true;
    }
    run.cps.swap(d);
    first_token = false;
  }
  if (!informative) return std::string(line);
  std::vector<char32_t> out;
  for (const auto& run : runs) out.insert(out.end(), run.cps.begin(), run.cps.end());
  return encode(out);
}

Line clean_line(std::string_view raw) {
  Line line;
  auto cps = decode(raw);
  std::vector<char32_t> kept;
  kept.reserve(cps.size());
  for (char32_t cp : cps) {
    if (cp == U'\r' || is_variation_selector(cp)) continue;
    kept.push_back(cp == U'\t' ? U' ' : cp);
  }
  cps.swap(kept);

  const bool has_nul = std::find(cps.begin(), cps.end(), U'\0') != cps.end();
  if (has_nul && std::all_of(cps.begin(), cps.end(), [](char32_t c) { return c == 0 || utf8::is_space(c); })) {
    line.page_break = true;
    return line;
  }
  // Trailing NULs: "主張】\0" — the extractor's mark of a paragraph end.
  while (!cps.empty() && (cps.back() == 0 || utf8::is_space(cps.back()))) {
    if (cps.back() == 0) line.nul_end = true;
    cps.pop_back();
  }
  // Leading NULs then spaces: "\0\0\0  当事者" — a ⑴ the font could not map.
  std::size_t nuls = 0;
  while (nuls < cps.size() && cps[nuls] == 0) ++nuls;
  line.lost_enumerator = nuls > 0 && nuls < cps.size() && utf8::is_space(cps[nuls]);
  std::vector<char32_t> out;
  out.reserve(cps.size());
  for (std::size_t k = 0; k < cps.size(); ++k) {
    if (cps[k] != 0) {
      out.push_back(cps[k]);
    } else if (k + 2 < cps.size() && cps[k + 2] == 0 && is_enumerator_char(cps[k + 1])) {
      // "\0ア\0" stands for "(ア)": the parentheses were the unmapped glyphs.
      out.push_back(U'(');
      out.push_back(cps[k + 1]);
      out.push_back(U')');
      k += 2;
    }
  }
  line.text = utf8::trim(undo_bold_repetition(utf8::trim(encode(out))));
  line.width = display_width(line.text);
  return line;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::size_t raw_end = end;
    if (raw_end > begin && text[raw_end - 1] == '\r') --raw_end;
    Line line = clean_line(text.substr(begin, raw_end - begin));
    line.begin = begin;
    line.end = raw_end;
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    begin = end + 1;
  }
  // A trailing newline leaves an empty last line that carries nothing.
  if (!lines.empty() && lines.back().begin == text.size()) lines.pop_back();
  return lines;
}

int display_width(std::string_view s) {
  int w = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = utf8::next(s, i);
    w += (cp < 0x100 || (cp >= 0xFF61 && cp <= 0xFF9F)) ? 1 : 2;
  }
  return w;
}

int full_line_width(const std::vector<Line>& lines) {
  std::vector<int> widths;
  for (const auto& l : lines)
    if (!l.text.empty()) widths.push_back(l.width);
  if (widths.empty()) return 0;
  const std::size_t k = (widths.size() - 1) * 9 / 10;
  std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(k), widths.end());
  return widths[k];
}

std::vector<int> local_full_widths(const std::vector<Line>& lines) {
  const int page = full_line_width(lines);
  std::vector<std::size_t> content;  // indices of non-empty lines
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].text.empty()) content.push_back(i);
  std::vector<int> out(lines.size(), page);
  for (std::size_t k = 0; k < content.size(); ++k) {
    int widest = 0;
    for (std::size_t j = k >= 3 ? k - 3 : 0; j < content.size() && j <= k + 3; ++j)
      widest = std::max(widest, lines[content[j]].width);
    out[content[k]] = std::clamp(widest, page * 3 / 4, page);
  }
  return out;
}

bool ends_sentence(std::string_view line) {
  auto cps = decode(line);
  while (!cps.empty() && (is_closing(cps.back()) || utf8::is_space(cps.back()))) cps.pop_back();
  return !cps.empty() && cps.back() == U'。';
}

bool continues_on(std::string_view next) {
  if (next.empty()) return false;
  std::size_t i = 0;
  const char32_t cp = utf8::next(next, i);
  if (is_closing(cp)) return true;
  switch (cp) {
    case U'，': case U'、': case U'。': case U'．': case U',':
      return true;
    case U'と':  // but ところで, とりわけ, ともあれ open sentences
      return next.substr(i).rfind("ころ", 0) != 0 && next.substr(i).rfind("りわけ", 0) != 0 &&
             next.substr(i).rfind("もあれ", 0) != 0;
    case U'に': case U'を': case U'の': case U'が': case U'は': case U'で': case U'も': case U'へ': case U'や':
    case U'旨': case U'等': case U'及': case U'並': case U'又': case U'若':
      return true;
    default:
      return false;
  }
}

bool is_page_number(std::string_view line) {
  const auto cps = decode(utf8::trim(line));
  std::size_t k = 0, n = cps.size();
  auto skip_spaces = [&] {
    while (k < n && utf8::is_space(cps[k])) ++k;
  };
  auto digits = [&] {
    const std::size_t from = k;
    while (k < n && is_digit(cps[k])) ++k;
    return k - from;
  };
  // - 12 -  /  －１２－
  if (n >= 3 && is_dash(cps[0]) && is_dash(cps[n - 1])) {
    k = 1;
    skip_spaces();
    const std::size_t d = digits();
    skip_spaces();
    return d >= 1 && d <= 4 && k == n - 1;
  }
  // 12/30  /  １２／３０
  k = 0;
  const std::size_t d1 = digits();
  if (d1 < 1 || d1 > 4 || k >= n || (cps[k] != U'/' && cps[k] != U'／')) return false;
  ++k;
  const std::size_t d2 = digits();
  return d2 >= 1 && d2 <= 4 && k == n;
}

bool is_bare_number(std::string_view line) {
  const auto cps = decode(line);
  return !cps.empty() && cps.size() <= 3 && std::all_of(cps.begin(), cps.end(), is_digit);
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  bool pending = false;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(s, i);
    if (utf8::is_space(cp)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(s.substr(at, i - at));
  }
  return out;
}

}  // namespace tsubo::pdf_text
