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
// encrypted PDF, one without a text layer (a scan), or one of more than max_pages pages (each page is
// laid out in memory; the longest real source, a commentary, has a few hundred).
inline constexpr std::size_t kMaxPdfPages = 5000;
Document parse_pdf(const std::string& path, const std::string& doc_id, std::size_t max_pages = kMaxPdfPages);

// Guidance as plain text or Markdown: heading hierarchy and paragraphs. doc_id is guidance/<stem>.
Document parse_guidance(std::string_view text, bool markdown, const std::string& doc_id,
                        const std::string& source_path);

// Markdown that the Word and HTML importers write from a document's structure (corpus/document_blocks.h):
// split as parse_guidance splits Markdown, except that 第N条 headings are the document's own
// articles (a 社内規程 split by article as a statute is): each article is a passage of its own
// however short, under its chapter headings, and none is read as a provision of a statute. A
// commentary (its title says 逐条解説 or 解説 and names a law) is read as parse_guidance reads it.
Document parse_structured_markdown(std::string_view markdown, const std::string& doc_id,
                                   const std::string& source_path);

// Word (.docx, a zip of XML): paragraphs and tables of word/document.xml in order; headings from
// paragraph styles (Heading N / 見出し N, Title) and outline levels (word/styles.xml); list and
// heading numbers as Word shows them (第%1条, 1., (1), ア, ① from word/numbering.xml); table rows as
// lines of cells. Read under the archive limits (corpus/archive.h). Throws ImportError
// "[corpus][docx] <path>: <reason>" for a file that is not a zip (an old binary .doc?), a zip
// without word/document.xml, XML that does not parse, a zip bomb or a document without text.
Document parse_docx(const std::string& path, const std::string& doc_id);

// HTML (UTF-8; see read_html_text): headings h1–h6, paragraphs, list items, table rows and line
// breaks, with the same splitting; script, style, template, noscript and other non-text elements are
// dropped, never indexed. The title is <title>, else the first heading. Throws ImportError
// "[corpus][html] <source_path>: <reason>" when no text is left.
Document parse_html(std::string_view html, const std::string& doc_id, const std::string& source_path);

// An HTML file's text as UTF-8: a byte order mark first, UTF-8 when it is valid UTF-8, else the
// charset its <meta charset> or <meta http-equiv="Content-Type"> names (Shift_JIS read as CP932),
// else the detection of read_source_text. The same size limit as other source files.
std::string read_html_text(const std::string& path);

}  // namespace tsubo
