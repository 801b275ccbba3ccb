// Keyword-in-context snippets with the matched words marked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

class Analyzer;
struct Token;

struct SnippetOptions {
  std::size_t max_chars = 200;  // code points of passage text shown
  const char* open = "<mark>";
  const char* close = "</mark>";
};

// A matched stretch of the original text, as byte offsets.
struct MatchSpan {
  std::size_t begin = 0, end = 0;
  std::size_t which = 0;  // index into the highlight list
};

// Where the highlight entries (single terms, or space-joined runs of terms that must follow each
// other, see ParsedQuery) occur in text, in order, adjacent spans merged.
std::vector<MatchSpan> find_matches(std::string_view text, const std::vector<std::string>& highlight_terms,
                                    const Analyzer& analyzer);
// The same over tokens the text has already been cut into (text/token_spans.h).
std::vector<MatchSpan> find_matches(const std::vector<Token>& tokens, const std::vector<std::string>& highlight_terms);

// text[begin, end) HTML-escaped with every span inside wrapped in open/close marks.
std::string mark_spans(std::string_view text, std::size_t begin, std::size_t end,
                       const std::vector<MatchSpan>& spans, const SnippetOptions& options = {});

// The window of `text` (about max_chars long, starting at a sentence start when one is near)
// that holds the most distinct highlight entries, HTML-escaped, each match wrapped in
// <mark>…</mark>. Offsets come from the analyzer, so marks sit exactly on the original characters
// (full-width digits, joined line breaks). Without any match: the start of the text.
std::string make_snippet(std::string_view text, const std::vector<std::string>& highlight_terms,
                         const Analyzer& analyzer, const SnippetOptions& options = {});
// make_snippet's window and marks, given the matches (find_matches) in text.
std::string snippet_of_matches(std::string_view text, const std::vector<MatchSpan>& spans,
                               const SnippetOptions& options = {});

// The terms of one highlight entry: "秘密 管理 性" → 秘密, 管理, 性.
std::vector<std::string> split_highlight_entry(const std::string& entry);

// Just after the last sentence end (。 or a line break) in the `reach` bytes up to `at`: where a
// snippet window may start. nullopt when there is none that close.
std::optional<std::size_t> sentence_start_within(std::string_view text, std::size_t at, std::size_t reach);

// &, <, >, " escaped for HTML.
std::string html_escape(std::string_view s);

}  // namespace tsubo
