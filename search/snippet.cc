// Picks the densest window of matches, then writes it with marks.
#include "search/snippet.h"

#include <algorithm>
#include <set>

#include "text/analyzer.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

struct Span {
  std::size_t begin, end;
  const std::string* term;
};

// Byte offset of the sentence start at or before `at`, if one lies within `reach` bytes.
std::size_t sentence_start(std::string_view text, std::size_t at, std::size_t reach) {
  static constexpr std::string_view kPeriod = "。";
  const std::size_t floor = at > reach ? at - reach : 0;
  for (std::size_t i = at; i > floor; --i) {
    if (text[i - 1] == '\n') return i;
    if (i >= kPeriod.size() && text.compare(i - kPeriod.size(), kPeriod.size(), kPeriod) == 0) return i;
  }
  return floor == 0 ? 0 : at;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string make_snippet(std::string_view text, const std::vector<std::string>& highlight_terms,
                         const Analyzer& analyzer, const SnippetOptions& options) {
  const std::set<std::string> wanted(highlight_terms.begin(), highlight_terms.end());
  std::vector<Span> spans;
  std::vector<Token> tokens = wanted.empty() ? std::vector<Token>{} : analyzer.analyze(text);
  for (const Token& t : tokens) {
    auto it = wanted.find(t.term);
    if (it != wanted.end()) spans.push_back({t.begin, t.end, &*it});
  }

  // Window length in bytes, approximated from code points (Japanese text is 3 bytes a character).
  const std::size_t window_bytes = options.max_chars * 3;
  std::size_t best_start = 0;
  std::size_t best_score = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::set<const std::string*> distinct;
    std::size_t hits = 0;
    for (std::size_t j = i; j < spans.size() && spans[j].end <= spans[i].begin + window_bytes; ++j) {
      distinct.insert(spans[j].term);
      ++hits;
    }
    const std::size_t score = distinct.size() * 1000 + hits;
    if (score > best_score) {
      best_score = score;
      best_start = spans[i].begin;
    }
  }
  std::size_t begin = spans.empty() ? 0 : sentence_start(text, best_start, 60 * 3);
  const std::size_t end = utf8::advance(text, begin, options.max_chars);

  // Adjacent matches (秘密|管理|性) read better as one mark.
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
    else merged.push_back(s);
  }

  std::string out;
  if (begin > 0) out += "…";
  std::size_t cursor = begin;
  for (const Span& s : merged) {
    if (s.begin < cursor || s.end > end) continue;
    out += html_escape(text.substr(cursor, s.begin - cursor));
    out += options.open;
    out += html_escape(text.substr(s.begin, s.end - s.begin));
    out += options.close;
    cursor = s.end;
  }
  out += html_escape(text.substr(cursor, end - cursor));
  if (end < text.size()) out += "…";
  // Newlines in a snippet only break the flow of a result list.
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace tsubo
