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

// e-Gov 法令標準XML (Law / LawBody / MainProvision / Chapter / Article / Paragraph / Item …,
// SupplProvision): passages as parse_statute_text gives them, title and law number from the XML.
// Throws ImportError on malformed XML or a document that is not a <Law>.
Document parse_statute_xml(std::string_view xml, const std::string& doc_id, const std::string& source_path);

// courts.go.jp ruling JSON (rulings/<lawsuit_id>.json): metadata plus passages split at the
// ruling's own headings, PDF line wraps joined, NULs and page furniture removed.
Document parse_ruling_json(std::string_view json_text, const std::string& source_path);

// A PDF (poppler-cpp): a court ruling when its first page reads like one (主文 and a case number:
// read as the courts.go.jp text with court, date, case number and case name from the first page,
// doc id ruling/<file stem>), else guidance (doc_id). Wrapped lines joined; page numbers and headers
// or footers repeated on most pages dropped. Throws ImportError for a file poppler cannot open, an
// encrypted PDF, or one without a text layer (a scan).
Document parse_pdf(const std::string& path, const std::string& doc_id);

// Guidance as plain text or Markdown: heading hierarchy and paragraphs. doc_id is guidance/<stem>.
Document parse_guidance(std::string_view text, bool markdown, const std::string& doc_id,
                        const std::string& source_path);

}  // namespace tsubo
