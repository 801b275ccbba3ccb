// Article headings of 逐条解説 read as provisions: 第N条(のM) 第N項 第N号 with a caption before
// (（定義）第二条, as statutes print it) or after (第２条第６項（営業秘密の定義）, 第２条　定義).
#include "corpus/article_headings.h"

#include <vector>

#include "text/citations.h"
#include "text/japanese_numbers.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

using U32 = std::u32string;

// The heading's characters with full-width digits and parentheses made ASCII: 第２条（定義） → 第2条(定義).
U32 decode(std::string_view s) {
  U32 out = utf8::to_u32(s);
  for (char32_t& cp : out) {
    if (cp >= U'０' && cp <= U'９') cp = cp - U'０' + U'0';
    if (cp == U'（') cp = U'(';
    if (cp == U'）') cp = U')';
  }
  return out;
}

bool is_number_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || std::u32string_view(U"〇一二三四五六七八九十百千").find(c) != std::u32string_view::npos;
}

// 第<number><unit> at i (第 optional when `dai_optional`): the number and the index after the unit.
std::optional<std::pair<long, std::size_t>> read_unit(const U32& t, std::size_t i, char32_t unit) {
  if (i >= t.size() || t[i] != U'第') return std::nullopt;
  std::size_t j = i + 1;
  while (j < t.size() && is_number_char(t[j])) ++j;
  if (j == i + 1 || j >= t.size() || t[j] != unit) return std::nullopt;
  const auto n = parse_japanese_number(utf8::from_u32(std::u32string_view(t).substr(i + 1, j - i - 1)));
  if (!n || *n <= 0) return std::nullopt;
  return std::make_pair(*n, j + 1);
}

// 第６項第４号 after an article: fills p.paragraph and p.item; returns where the reading stopped.
std::size_t read_paragraph_and_item(const U32& t, std::size_t k, HeadingProvision& p) {
  if (auto para = read_unit(t, k, U'項')) {
    p.paragraph = std::to_string(para->first);
    k = para->second;
  }
  if (auto item = read_unit(t, k, U'号')) {
    p.item = std::to_string(item->first);
    k = item->second;
  }
  return k;
}

// The article chain at i: 第２条の２第６項第４号. Returns the index after it.
std::optional<std::size_t> read_chain(const U32& t, std::size_t i, HeadingProvision& p) {
  auto art = read_unit(t, i, U'条');
  if (!art) return std::nullopt;
  p.article = std::to_string(art->first);
  std::size_t k = art->second;
  while (k + 1 < t.size() && t[k] == U'の' && is_number_char(t[k + 1])) {
    std::size_t j = k + 1;
    while (j < t.size() && is_number_char(t[j])) ++j;
    const auto n = parse_japanese_number(utf8::from_u32(std::u32string_view(t).substr(k + 1, j - k - 1)));
    if (!n) break;
    p.article += "の" + std::to_string(*n);
    k = j;
  }
  k = read_paragraph_and_item(t, k, p);
  return k;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t'; }

// What may follow the reference: nothing, a caption in parentheses, or a caption after a space
// that does not continue a sentence (第２条　定義, not 第２条 の解説).
bool caption_only(const U32& t, std::size_t k) {
  if (k >= t.size()) return true;
  if (t[k] == U'(') return t.back() == U')' && t.find(U')') == t.size() - 1;
  if (!is_space(t[k])) return false;
  while (k < t.size() && is_space(t[k])) ++k;
  const U32 rest = t.substr(k);
  if (rest.empty()) return true;
  if (rest.size() > 20 || std::u32string_view(U"のにはをがでともへや").find(rest[0]) != std::u32string_view::npos) return false;
  return rest.find(U'、') == U32::npos && rest.find(U'。') == U32::npos && rest.find(U'第') == U32::npos;
}

}  // namespace

std::optional<HeadingProvision> parse_article_heading(std::string_view line) {
  U32 t = decode(utf8::trim(line));
  if (t.empty() || t.size() > 40) return std::nullopt;
  std::size_t i = 0;
  bool caption_before = false;
  // （定義）第二条
  if (t[0] == U'(') {
    const std::size_t close = t.find(U')');
    if (close == U32::npos || close > 20) return std::nullopt;
    i = close + 1;
    while (i < t.size() && is_space(t[i])) ++i;
    caption_before = true;
  }
  HeadingProvision p;
  const std::size_t dai = t.find(U'第', i);
  if (dai == U32::npos) return std::nullopt;
  if (dai > i) {
    // 不正競争防止法第２条: a law's name, nothing else, before the article.
    // 法第２条 / 本法第２条: the commentary's own law.
    const std::string name = utf8::remove_spaces(utf8::from_u32(std::u32string_view(t).substr(i, dai - i)));
    if (caption_before || name.size() > 60) return std::nullopt;
    if (name != "法" && name != "本法") {
      const std::optional<StatuteCitation> c = parse_statute_reference(name + "第1条");
      if (!c || c->law.empty() || c->old_law) return std::nullopt;
      p.law = c->law;
    }
  }
  const auto end = read_chain(t, dai, p);
  if (!end) return std::nullopt;
  if (caption_before) {
    std::size_t k = *end;
    while (k < t.size() && is_space(t[k])) ++k;
    if (k != t.size()) return std::nullopt;
  } else if (!caption_only(t, *end)) {
    return std::nullopt;
  }
  return p;
}

std::optional<HeadingProvision> parse_narrowing_heading(std::string_view line) {
  const U32 t = decode(utf8::trim(line));
  // The enumerator: a few characters of digits, parentheses, dots, katakana or circled numbers.
  const std::size_t dai = t.find(U'第');
  if (dai == U32::npos || dai > 6) return std::nullopt;
  for (std::size_t k = 0; k < dai; ++k) {
    const char32_t c = t[k];
    const bool enumerator = (c >= U'0' && c <= U'9') || c == U'(' || c == U')' || c == U'.' || c == U'．' ||
                            c == U'、' || is_space(c) || (c >= U'ア' && c <= U'ン') || (c >= U'①' && c <= U'⑳') ||
                            (c >= U'⑴' && c <= U'⒇');
    if (!enumerator) return std::nullopt;
  }
  HeadingProvision p;
  std::size_t k = dai;
  k = read_paragraph_and_item(t, k, p);
  if (p.paragraph.empty() && p.item.empty()) return std::nullopt;
  // ４．第４号～第９号（営業秘密に係る不正行為）: a range narrows to its first item.
  if (k < t.size() && (t[k] == U'~' || t[k] == U'～' || t[k] == U'・' || t[k] == U'、' || t[k] == U'及')) {
    const std::size_t paren = t.find(U'(', k);
    k = paren == U32::npos ? t.size() : paren;
  }
  if (!caption_only(t, k)) return std::nullopt;
  return p;
}

HeadingProvision narrow(const HeadingProvision& outer, const HeadingProvision& inner) {
  if (!inner.article.empty()) {
    HeadingProvision p = inner;
    if (p.law.empty()) p.law = outer.law;
    return p;
  }
  if (outer.article.empty()) return outer;
  HeadingProvision p = outer;
  if (!inner.paragraph.empty()) {
    p.paragraph = inner.paragraph;
    p.item = inner.item;
  } else if (!inner.item.empty()) {
    p.item = inner.item;
  }
  return p;
}

bool contains(const HeadingProvision& outer, const HeadingProvision& inner) {
  if (!outer.law.empty() && !inner.law.empty() && outer.law != inner.law) return false;
  if (outer.article != inner.article) return false;
  if (!outer.paragraph.empty() && outer.paragraph != inner.paragraph) return false;
  if (!outer.item.empty() && outer.item != inner.item) return false;
  return true;
}

std::string law_in_title(std::string_view title) {
  // Words split at spaces and brackets, the commentary's own words dropped: 逐条解説, 解説, コンメンタール.
  std::vector<std::string> words;
  std::string cur;
  std::size_t i = 0;
  while (i <= title.size()) {
    const char32_t c = i < title.size() ? utf8::next(title, i) : (++i, U' ');
    if (is_space(c) || std::u32string_view(U"「」『』【】()（）・:：").find(c) != std::u32string_view::npos) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      utf8::append(cur, c);
    }
  }
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    std::string w = *it;
    for (const char* noise : {"逐条解説", "コンメンタール", "の解説", "解説", "逐条"}) {
      const std::string n = noise;
      if (w.rfind(n, 0) == 0) w = w.substr(n.size());
      if (w.size() >= n.size() && w.compare(w.size() - n.size(), n.size(), n) == 0) w.resize(w.size() - n.size());
    }
    if (w.empty()) continue;
    const std::optional<StatuteCitation> c = parse_statute_reference(w + "第1条");
    if (c && !c->law.empty() && !c->old_law && utf8::length(w) >= 2) return c->law;
  }
  return "";
}

}  // namespace tsubo
