// PDFs through poppler-cpp: each page's text in reading order, page furniture dropped, then the
// ruling importer (its first page names court, date and case number) or the guidance importer.
#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "corpus/importers.h"
#include "corpus/article_headings.h"
#include "corpus/pdf_text.h"
#include "corpus/ruling_layout.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw ImportError("[corpus][pdf] " + path + ": " + reason);
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    std::string line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    pos = nl + 1;
  }
  return lines;
}

// A header or footer line with its digits blanked, so "- 3 -" and "- 4 -" or "2021/6/16 p.3" match.
std::string furniture_key(const std::string& line) {
  std::string key;
  for (char c : utf8::remove_spaces(normalize_nfkc(line))) key += (c >= '0' && c <= '9') ? '#' : c;
  return key;
}

// The first and last two non-empty lines of a page: where headers and footers sit.
std::vector<std::size_t> edge_lines(const std::vector<std::string>& lines) {
  std::vector<std::size_t> nonempty, out;
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (!utf8::trim(lines[k]).empty()) nonempty.push_back(k);
  for (std::size_t k = 0; k < nonempty.size() && k < 2; ++k) out.push_back(nonempty[k]);
  for (std::size_t k = nonempty.size() > 2 ? nonempty.size() - 2 : 2; k < nonempty.size(); ++k) out.push_back(nonempty[k]);
  return out;
}

// Pages as text (poppler's raw order: the order of the content stream, as the courts' PDFs are
// written), with lines repeated at the edge of at least half the pages (3 or more) removed.
std::string pages_text(const std::string& path, std::size_t max_pages, std::size_t& pages_out) {
  // poppler writes its complaints ("Couldn't find trailer dictionary") to stderr; ours say more.
  static const bool quiet = (poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr), true);
  (void)quiet;
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(path));
  if (!pdf) fail(path, "not a PDF, or a damaged one (poppler cannot open it)");
  if (pdf->is_locked()) fail(path, "encrypted PDF: remove the password first");
  const int pages = pdf->pages();
  pages_out = pages > 0 ? static_cast<std::size_t>(pages) : 0;
  if (pages_out > max_pages)
    fail(path, std::to_string(pages_out) + " pages, over the limit of " + std::to_string(max_pages) + " (kMaxPdfPages)");
  std::vector<std::vector<std::string>> page_lines;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      page_lines.emplace_back();
      continue;
    }
    const poppler::byte_array bytes = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
    page_lines.push_back(split(std::string(bytes.begin(), bytes.end())));
  }
  std::map<std::string, std::size_t> edges;
  for (const auto& lines : page_lines)
    for (std::size_t k : edge_lines(lines)) ++edges[furniture_key(lines[k])];
  const std::size_t threshold = std::max<std::size_t>(3, (page_lines.size() + 1) / 2);
  std::string text;
  for (const auto& lines : page_lines) {
    const auto edge = edge_lines(lines);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (std::find(edge.begin(), edge.end(), k) != edge.end() && edges[furniture_key(lines[k])] >= threshold) continue;
      if (pdf_text::is_page_number(utf8::trim(lines[k]))) continue;
      text += lines[k];
      text += '\n';
    }
    text += std::string(1, '\0') + "\n";  // a NUL-only line: the page break pdf_text knows
  }
  return text;
}

std::size_t japanese_letters(const std::string& text) {
  std::size_t n = 0, i = 0;
  while (i < text.size())
    if (utf8::is_cjk(utf8::next(text, i))) ++n;
  return n;
}

// A ruling's first page: 主文 and a case number (令和元年（ネ）第１００３７号).
bool looks_like_ruling(const std::string& head) {
  static const std::regex kCaseNumber("(明治|大正|昭和|平成|令和)(元|[0-9]+)年(特)?\\([^)]{1,8}\\)第[0-9]+号");
  const std::string compact = utf8::remove_spaces(normalize_nfkc(head));
  return compact.find("主文") != std::string::npos && std::regex_search(compact, kCaseNumber);
}

// The court as printed on the first page: 東京高等裁判所第１０刑事部, 知的財産高等裁判所, 東京地方裁判所立川支部.
std::string first_page_court(const std::string& head) {
  static const std::regex kCourt(
      "((最高|知的財産高等|[^ 0-9()\\[\\]「」、。,]{1,4}(高等|地方|家庭|簡易))裁判所([^ 0-9()、。,]{1,6}支部)?"
      "(第[0-9一二三四五六七八九十]+(民事|刑事)?部|民事第[0-9]+部|刑事第[0-9]+部|第[一二三]小法廷|大法廷)?)");
  for (const auto& line : split(head)) {
    const std::string compact = utf8::remove_spaces(normalize_nfkc(line));
    std::smatch m;
    if (std::regex_search(compact, m, kCourt)) return m[1].str();
  }
  return "";
}

// A PDF file name as a lawsuit id: letters, digits, - and _ kept; else a hash of the name.
std::string id_from_stem(const std::string& doc_id) {
  const std::string stem = doc_id.substr(doc_id.find('/') + 1);
  const bool ok = !stem.empty() && stem.size() <= 64 && std::all_of(stem.begin(), stem.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
  if (ok) return stem;
  char buf[32];
  std::snprintf(buf, sizeof buf, "pdf-%016zx", std::hash<std::string>{}(stem));
  return buf;
}

}  // namespace

Document parse_pdf(const std::string& path, const std::string& doc_id, std::size_t max_pages) {
  std::size_t pages = 0;
  // poppler can hand back bytes that are not UTF-8 (a broken ToUnicode map): nlohmann::json refused
  // them with a bare [json.exception.type_error.316]; they become U+FFFD here.
  const std::string text = utf8::sanitize(pages_text(path, max_pages, pages));
  if (japanese_letters(text) < 20)
    fail(path, "no text: " + std::to_string(pages) + " page(s) without a text layer (a scan? run OCR first)");

  const std::string head = text.substr(0, std::min<std::size_t>(text.size(), 3000));
  if (looks_like_ruling(head)) {
    // The JSON importer does the rest: line joining, headings, date and case number from the text.
    nlohmann::json j = {{"lawsuit_id", id_from_stem(doc_id)},
                        {"court_name", first_page_court(head)},
                        {"contents", text}};
    Document doc = parse_ruling_json(j.dump(), path);
    doc.source_path = path;
    return doc;
  }
  // Guidance: wrapped lines joined into paragraphs, then the guidance heading rules. An article
  // heading of a 逐条解説 (第２条第６項（営業秘密の定義）) stays a line of its own: joined to the
  // text around it, its commentary could not be tied to the article.
  const auto lines = pdf_text::split_lines(text);
  std::string joined;
  std::vector<pdf_text::Line> run;
  auto flush = [&] {
    for (const auto& block : ruling::layout_blocks(run)) {
      joined += block.text;
      joined += '\n';
    }
    run.clear();
  };
  for (const auto& line : lines) {
    const std::string trimmed = utf8::trim(line.text);
    if (parse_article_heading(trimmed)) {
      flush();
      joined += trimmed + "\n";
      continue;
    }
    run.push_back(line);
  }
  flush();
  // The first line of a guideline PDF is its title (逐条解説　不正競争防止法): set apart by a blank
  // line, as in a text file, so that the heading below it does not title the document instead.
  const std::size_t first_end = joined.find('\n');
  const std::string first = joined.substr(0, first_end);
  if (first_end != std::string::npos && utf8::length(first) <= 60 && first.find("。") == std::string::npos)
    joined.insert(first_end, "\n");
  return parse_guidance(joined, false, doc_id, path);
}

}  // namespace tsubo
