// Parsers that turn one source file's text into a Document. Each throws ImportError with the
// reason when the input cannot be used; callers add the file name and keep going.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "corpus/document.h"

namespace tsubo {

struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// e-Gov text export of a statute (statutes-core/NNNN.txt): one passage per article with its
// paragraphs and items, the supplementary provisions (附則) as passages of their own.
// doc_id is statute/<file stem>.
Document parse_statute_text(std::string_view text, const std::string& doc_id, const std::string& source_path);

// courts.go.jp ruling JSON (rulings/<lawsuit_id>.json): metadata plus passages split at the
// ruling's own headings, PDF line wraps joined, NULs and page furniture removed.
Document parse_ruling_json(std::string_view json_text, const std::string& source_path);

// Guidance as plain text or Markdown: heading hierarchy and paragraphs. doc_id is guidance/<stem>.
Document parse_guidance(std::string_view text, bool markdown, const std::string& doc_id,
                        const std::string& source_path);

}  // namespace tsubo
