// Keyword-in-context snippets with the matched words marked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

class Analyzer;

struct SnippetOptions {
  std::size_t max_chars = 200;  // code points of passage text shown
  const char* open = "<mark>";
  const char* close = "</mark>";
};

// The window of `text` (about max_chars long, starting at a sentence start when one is near)
// that holds the most distinct highlight terms, HTML-escaped, each matching token wrapped in
// <mark>…</mark>. Offsets come from the analyzer, so marks sit exactly on the original characters
// (full-width digits, joined line breaks). Without any match: the start of the text.
std::string make_snippet(std::string_view text, const std::vector<std::string>& highlight_terms,
                         const Analyzer& analyzer, const SnippetOptions& options = {});

// &, <, >, " escaped for HTML.
std::string html_escape(std::string_view s);

}  // namespace tsubo
