// Finds query matches in a passage, picks the densest window of them, then writes it with marks.
#include "search/snippet.h"

#include <algorithm>
#include <map>
#include <set>

#include "text/analyzer.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

// Byte offset of the sentence start at or before `at`, if one lies within `reach` bytes.
std::size_t sentence_start(std::string_view text, std::size_t at, std::size_t reach) {
  return sentence_start_within(text, at, reach).value_or(at > reach ? at : 0);
}

}  // namespace

std::optional<std::size_t> sentence_start_within(std::string_view text, std::size_t at, std::size_t reach) {
  static constexpr std::string_view kPeriod = "。";
  const std::size_t floor = at > reach ? at - reach : 0;
  for (std::size_t i = at; i > floor; --i) {
    if (text[i - 1] == '\n') return i;
    if (i >= kPeriod.size() && text.compare(i - kPeriod.size(), kPeriod.size(), kPeriod) == 0) return i;
  }
  return std::nullopt;
}

std::vector<std::string> split_highlight_entry(const std::string& entry) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= entry.size()) {
    const std::size_t space = entry.find(' ', start);
    const std::size_t end = space == std::string::npos ? entry.size() : space;
    if (end > start) out.push_back(entry.substr(start, end - start));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return out;
}

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

std::vector<MatchSpan> find_matches(std::string_view text, const std::vector<std::string>& highlight_terms,
                                    const Analyzer& analyzer) {
  if (highlight_terms.empty()) return {};
  return find_matches(analyzer.analyze(text), highlight_terms);
}

std::vector<MatchSpan> find_matches(const std::vector<Token>& tokens, const std::vector<std::string>& highlight_terms) {
  // First term → (entry index, its terms), so each token is checked against few candidates.
  std::multimap<std::string, std::pair<std::size_t, std::vector<std::string>>> by_first;
  for (std::size_t i = 0; i < highlight_terms.size(); ++i) {
    auto terms = split_highlight_entry(highlight_terms[i]);
    if (terms.empty()) continue;
    std::string first = terms.front();
    by_first.emplace(std::move(first), std::make_pair(i, std::move(terms)));
  }
  std::vector<MatchSpan> spans;
  if (by_first.empty()) return spans;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto [lo, hi] = by_first.equal_range(tokens[i].term);
    std::size_t best_len = 0, best_entry = 0;
    for (auto it = lo; it != hi; ++it) {
      const auto& terms = it->second.second;
      if (terms.size() <= best_len || i + terms.size() > tokens.size()) continue;
      bool all = true;
      for (std::size_t k = 1; k < terms.size() && all; ++k) all = tokens[i + k].term == terms[k];
      if (all) {
        best_len = terms.size();
        best_entry = it->second.first;
      }
    }
    if (best_len == 0) continue;
    const MatchSpan span{tokens[i].begin, tokens[i + best_len - 1].end, best_entry};
    if (!spans.empty() && span.begin <= spans.back().end) spans.back().end = std::max(spans.back().end, span.end);
    else spans.push_back(span);
    i += best_len - 1;
  }
  return spans;
}

std::string mark_spans(std::string_view text, std::size_t begin, std::size_t end,
                       const std::vector<MatchSpan>& spans, const SnippetOptions& options) {
  std::string out;
  std::size_t cursor = begin;
  for (const MatchSpan& s : spans) {
    if (s.begin < cursor || s.end > end) continue;
    out += html_escape(text.substr(cursor, s.begin - cursor));
    out += options.open;
    out += html_escape(text.substr(s.begin, s.end - s.begin));
    out += options.close;
    cursor = s.end;
  }
  out += html_escape(text.substr(cursor, end - cursor));
  return out;
}

std::string make_snippet(std::string_view text, const std::vector<std::string>& highlight_terms,
                         const Analyzer& analyzer, const SnippetOptions& options) {
  return snippet_of_matches(text, find_matches(text, highlight_terms, analyzer), options);
}

std::string snippet_of_matches(std::string_view text, const std::vector<MatchSpan>& spans,
                               const SnippetOptions& options) {
  // Window length in bytes, approximated from code points (Japanese text is 3 bytes a character).
  const std::size_t window_bytes = options.max_chars * 3;
  std::size_t best_start = 0;
  std::size_t best_score = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::set<std::size_t> distinct;
    std::size_t hits = 0;
    for (std::size_t j = i; j < spans.size() && spans[j].end <= spans[i].begin + window_bytes; ++j) {
      distinct.insert(spans[j].which);
      ++hits;
    }
    const std::size_t score = distinct.size() * 1000 + hits;
    if (score > best_score) {
      best_score = score;
      best_start = spans[i].begin;
    }
  }
  const std::size_t begin = spans.empty() ? 0 : sentence_start(text, best_start, 60 * 3);
  const std::size_t end = utf8::advance(text, begin, options.max_chars);

  std::string out = begin > 0 ? "…" : "";
  out += mark_spans(text, begin, end, spans, options);
  if (end < text.size()) out += "…";
  // Newlines in a snippet only break the flow of a result list.
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace tsubo
