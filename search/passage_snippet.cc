// Snippets from the tokens the indexer stored with the passage; for an index without them, the
// likely window is found by substring search in the normalised text and only a stretch of a few
// hundred characters around it, cut at sentence starts, goes to make_snippet.
#include "search/passage_snippet.h"

#include <algorithm>
#include <set>

#include "text/normalize.h"
#include "text/token_spans.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

// Below this many bytes the whole passage is analysed: the stretch would be most of it anyway.
constexpr std::size_t kWholeBelowBytes = 1200;
// make_snippet looks back this far from the densest match for a sentence start (snippet.cc).
constexpr std::size_t kSentenceReachBytes = 60 * 3;

constexpr std::string_view kEllipsis = "…";

bool starts_with_ellipsis(const std::string& s) { return s.compare(0, kEllipsis.size(), kEllipsis) == 0; }
bool ends_with_ellipsis(const std::string& s) {
  return s.size() >= kEllipsis.size() && s.compare(s.size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0;
}

// make_snippet of text[begin, end), with the ellipses it would have written for the whole text.
std::string snippet_of_stretch(std::string_view text, std::size_t begin, std::size_t end,
                               const std::vector<std::string>& highlight_terms, const Analyzer& analyzer,
                               const SnippetOptions& options) {
  std::string out = make_snippet(text.substr(begin, end - begin), highlight_terms, analyzer, options);
  if (begin > 0 && !starts_with_ellipsis(out)) out.insert(0, kEllipsis);
  if (end < text.size() && !ends_with_ellipsis(out)) out += kEllipsis;
  return out;
}

struct Occurrence {
  std::size_t begin;  // byte offset in the original text
  std::size_t which;  // highlight entry, or kUnsure
};
// The entry's first term is there but not the rest right after it (they may still be, with a
// symbol between, which yields no token): used only when no entry is found whole anywhere.
constexpr std::size_t kUnsure = static_cast<std::size_t>(-1);

// Where the highlight entries can match in the normalised text, in order. At each place, as
// find_matches does, the longest entry whose terms all follow there (joined as Japanese text
// joins them, without spaces).
std::vector<Occurrence> occurrences_of(const NormalizedText& norm, const std::vector<std::string>& highlight_terms) {
  struct Entry {
    std::string first, joined;
    std::size_t terms;
  };
  std::vector<Entry> entries;
  for (const auto& h : highlight_terms) {
    const auto terms = split_highlight_entry(h);
    std::string joined;
    for (const auto& t : terms) joined += t;
    entries.push_back({terms.empty() ? std::string() : terms.front(), joined, terms.size()});
  }
  std::vector<Occurrence> out;
  std::vector<bool> seen(norm.text.size(), false);  // a place already counted for another entry
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const std::string& first = entries[e].first;
    if (first.empty()) continue;
    for (std::size_t at = norm.text.find(first); at != std::string::npos; at = norm.text.find(first, at + 1)) {
      if (seen[at]) continue;
      seen[at] = true;
      std::size_t which = kUnsure, longest = 0;
      for (std::size_t k = 0; k < entries.size(); ++k)
        if (entries[k].first == first && entries[k].terms > longest &&
            norm.text.compare(at, entries[k].joined.size(), entries[k].joined) == 0) {
          which = k;
          longest = entries[k].terms;
        }
      out.push_back({norm.source_begin[at], which});
    }
  }
  const bool any_sure = std::any_of(out.begin(), out.end(), [](const Occurrence& o) { return o.which != kUnsure; });
  if (any_sure) out.erase(std::remove_if(out.begin(), out.end(), [](const Occurrence& o) { return o.which == kUnsure; }), out.end());
  std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) { return a.begin < b.begin; });
  return out;
}

// Start of the sentence (after 。 or a line break) holding `at`, searching back at most `reach`
// bytes; else the code point boundary `reach` bytes back, so that MeCab starts at a sentence or far
// enough from the window that a word cut in two there cannot touch it.
std::size_t region_start(std::string_view text, std::size_t at, std::size_t reach) {
  if (const auto start = sentence_start_within(text, at, reach)) return *start;
  std::size_t i = at > reach ? at - reach : 0;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

std::string passage_snippet(std::string_view text, const std::vector<std::string>& highlight_terms,
                            const Analyzer& analyzer, const SnippetOptions& options) {
  if (text.size() < kWholeBelowBytes || highlight_terms.empty())
    return make_snippet(text, highlight_terms, analyzer, options);

  // An entry matches where its first term is a token; that token is a substring of the normalised text.
  const std::vector<Occurrence> occurrences = occurrences_of(normalize_for_search(text), highlight_terms);
  // No match anywhere: make_snippet shows the start, which needs no analysis beyond it.
  if (occurrences.empty())
    return snippet_of_stretch(text, 0, utf8::advance(text, 0, options.max_chars + 1), highlight_terms, analyzer, options);

  // The densest window, scored as make_snippet scores it: distinct entries first, then occurrences.
  const std::size_t window_bytes = options.max_chars * 3;
  std::size_t best_start = occurrences.front().begin, best_last = best_start, best_score = 0;
  for (std::size_t i = 0; i < occurrences.size(); ++i) {
    std::set<std::size_t> distinct;
    std::size_t hits = 0, last = i;
    for (std::size_t j = i; j < occurrences.size() && occurrences[j].begin < occurrences[i].begin + window_bytes; ++j) {
      if (occurrences[j].which != kUnsure) distinct.insert(occurrences[j].which);
      ++hits;
      last = j;
    }
    const std::size_t score = distinct.size() * 1000 + hits;
    if (score > best_score) {
      best_score = score;
      best_start = occurrences[i].begin;
      best_last = occurrences[last].begin;
    }
  }

  // make_snippet looks back kSentenceReachBytes for a sentence start and shows max_chars from
  // there. Starting a little further back than that reach keeps its choice the same as on the
  // whole text (a sentence start, or the match itself); ending a snippet after the window's last
  // occurrence leaves room for its exact choice, which may start at a later match of the window.
  const std::size_t begin = region_start(text, best_start, kSentenceReachBytes + 60);
  const std::size_t end = utf8::advance(text, best_last, options.max_chars + 10);
  std::string out = snippet_of_stretch(text, begin, end, highlight_terms, analyzer, options);
  // Nothing marked: the occurrences were inside other words (MeCab cut the text elsewhere), and
  // only the whole passage tells whether a match lies anywhere else.
  if (out.find(options.open) == std::string::npos) return make_snippet(text, highlight_terms, analyzer, options);
  return out;
}

namespace {

// The matches in text found over its packed tokens; nullopt without packed tokens that fit it.
std::optional<std::vector<MatchSpan>> matches_from_packed(std::string_view text, std::string_view packed_tokens,
                                                           const std::vector<std::string>& highlight_terms) {
  if (packed_tokens.empty()) return std::nullopt;
  const auto tokens = unpack_token_spans(packed_tokens, text);
  if (!tokens) return std::nullopt;
  return find_matches(*tokens, highlight_terms);
}

}  // namespace

std::string passage_snippet(std::string_view text, std::string_view packed_tokens,
                            const std::vector<std::string>& highlight_terms, const Analyzer& analyzer,
                            const SnippetOptions& options) {
  if (const auto spans = matches_from_packed(text, packed_tokens, highlight_terms))
    return snippet_of_matches(text, *spans, options);
  return passage_snippet(text, highlight_terms, analyzer, options);
}

std::vector<std::string> matched_words(std::string_view text, std::string_view packed_tokens,
                                       const std::vector<std::string>& highlight_terms, const Analyzer& analyzer) {
  auto spans = matches_from_packed(text, packed_tokens, highlight_terms);
  if (!spans) spans = find_matches(text, highlight_terms, analyzer);
  std::vector<std::string> words;
  for (const MatchSpan& s : *spans) {
    std::string word(text.substr(s.begin, s.end - s.begin));
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
  }
  return words;
}

}  // namespace tsubo
