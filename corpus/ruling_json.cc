// courts.go.jp ruling JSON → Document: metadata (date checked against the text's first lines) and
// passages split at the ruling's own headings.
#include "corpus/importers.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <regex>

#include <nlohmann/json.hpp>

#include "corpus/decision_kind.h"
#include "corpus/pdf_text.h"
#include "corpus/ruling_layout.h"
#include "corpus/ruling_passages.h"
#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& reason) { throw ImportError("[corpus][ruling_json] " + reason); }

// A metadata field as text: strings as they are, numbers printed, anything else empty.
std::string field(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_number()) return it->dump();
  return "";
}

// A one-line metadata field without control characters (a court_name of 知的財産高等裁判所 followed by
// 130 NULs was one court for the facets and another for the filter); white space is the caller's.
std::string meta_field(const json& j, const char* key) {
  std::string out;
  for (char c : field(j, key))
    if (static_cast<unsigned char>(c) >= 0x20 ? c != 0x7F : c == '\n' || c == '\t' || c == '\r') out += c;
  return out;
}

// {"era": "Reiwa", "year": 1, "month": 10, "day": 9} → 2019-10-09.
std::optional<std::string> metadata_date(const json& j) {
  const auto it = j.find("date");
  if (it == j.end() || !it->is_object()) return std::nullopt;
  auto number = [&](const char* key) -> std::optional<long> {
    const std::string s = field(*it, key);
    return s.empty() ? std::nullopt : parse_japanese_number(s);
  };
  const auto year = number("year"), month = number("month"), day = number("day");
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  const auto gregorian = era_to_gregorian(field(*it, "era"), static_cast<int>(*year));
  if (!gregorian) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02ld-%02ld", *gregorian, *month, *day);
  return std::string(buf);
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The lines before 主文 (all of them are looked at only up to a dozen): court, date, case number.
std::vector<std::string> header_lines(const std::vector<pdf_text::Line>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    if (l.text.empty()) continue;
    if (utf8::remove_spaces(l.text) == "主文" || out.size() >= 12) break;
    out.push_back(l.text);
  }
  return out;
}

// The pronouncement date as the text gives it: "令和元年１０月９日判決言渡",
// "平成２９年３月２１日  東京高等裁判所第１０刑事部判決", "令和４年１２月９日  東京地方裁判所刑事第７部宣告".
// Not 口頭弁論終結日, not the date of the judgment appealed against.
std::optional<std::string> text_date(const std::vector<std::string>& header) {
  for (const auto& line : header) {
    if (contains(line, "終結") || contains(line, "原審") || contains(line, "原判決")) continue;
    if (!contains(line, "言渡") && !contains(line, "判決") && !contains(line, "宣告") && !contains(line, "決定"))
      continue;
    if (auto date = find_japanese_date(line)) return date;
  }
  return std::nullopt;
}

// "令和元年（ネ）第１００３７号  損害賠償請求控訴事件" → case number 令和1(ネ)10037 and case name.
struct TextCase {
  std::string number, name;
};
std::optional<TextCase> text_case(const std::vector<std::string>& header) {
  static const std::regex kNumber("(明治|大正|昭和|平成|令和)(元|[0-9]+)年(特)?\\(([^)]{1,12})\\)第([0-9]+)号");
  for (const auto& line : header) {
    const std::string compact = utf8::remove_spaces(normalize_nfkc(line));
    std::smatch m;
    if (!std::regex_search(compact, m, kNumber)) continue;
    TextCase c;
    c.number = m[1].str() + (m[2].str() == "元" ? "1" : m[2].str()) + m[3].str() + "(" + m[4].str() + ")" + m[5].str();
    constexpr std::string_view kGo = "号", kJiken = "事件";
    const std::size_t mark = line.find(kGo);
    if (mark != std::string::npos) {
      const std::string rest = utf8::trim(std::string_view(line).substr(mark + kGo.size()));
      const std::size_t end = rest.find(kJiken);
      if (end != std::string::npos && !contains(rest.substr(0, end), kGo)) c.name = rest.substr(0, end + kJiken.size());
    }
    return c;
  }
  return std::nullopt;
}

// Too few Japanese letters for a Japanese judgment: the PDF had no text layer (80835: "2 44\n2 2\n…").
bool looks_like_garbage(std::string_view contents, std::size_t& japanese, std::size_t& letters) {
  japanese = letters = 0;
  std::size_t i = 0;
  while (i < contents.size()) {
    const char32_t cp = utf8::next(contents, i);
    if (cp == 0 || utf8::is_space(cp)) continue;
    ++letters;
    if (utf8::is_cjk(cp)) ++japanese;
  }
  return japanese < 50 || japanese * 10 < letters * 3;
}

// nlohmann's parse error without its lead ("[json.exception.parse_error.101] parse error at line 1,
// column 1676: syntax error while parsing value - ") and without the token it quotes ("; last read:
// '…'"), which for a file cut inside a string is the whole rest of the file: "invalid string:
// missing closing quote".
std::string parse_error_reason(const json::parse_error& e) {
  std::string what = e.what();
  constexpr std::string_view kLastRead = "; last read: ";
  if (const std::size_t at = what.find(kLastRead); at != std::string::npos) {
    const std::size_t expected = what.rfind("'; expected ");
    what = what.substr(0, at) + (expected != std::string::npos && expected > at ? what.substr(expected + 1) : "");
  }
  if (const std::size_t dash = what.find(" - "); dash != std::string::npos) return what.substr(dash + 3);
  if (const std::size_t colon = what.find(": "); colon != std::string::npos) return what.substr(colon + 2);
  return what;
}

bool valid_id(std::string_view id) {
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return !id.empty() && id.size() <= 64;
}

}  // namespace

Document parse_ruling_json(std::string_view json_text, const std::string& source_path) {
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::parse_error& e) {
    fail(source_path + ": truncated or malformed JSON at byte " + std::to_string(e.byte) + ": " +
         parse_error_reason(e));
  } catch (const json::exception& e) {
    fail(source_path + ": malformed JSON: " + e.what());
  }
  if (!j.is_object()) fail("not a ruling: the JSON is not an object");
  const std::string lawsuit_id = field(j, "lawsuit_id");
  if (lawsuit_id.empty()) fail("not a ruling: no lawsuit_id");
  if (!valid_id(lawsuit_id)) fail("not a ruling: lawsuit_id \"" + lawsuit_id + "\" is not an identifier");

  Document doc;
  doc.id = "ruling/" + lawsuit_id;
  doc.type = DocType::Ruling;
  doc.source_path = source_path;
  DocumentMeta& meta = doc.meta;
  meta.court = utf8::remove_spaces(meta_field(j, "court_name"));  // "東京地方裁判所\n        　立川支部"
  meta.case_number = utf8::remove_spaces(normalize_nfkc(meta_field(j, "case_number")));
  meta.case_name = utf8::trim(meta_field(j, "case_name"));
  meta.right_type = utf8::trim(meta_field(j, "right_type"));
  meta.trial_type = utf8::trim(meta_field(j, "trial_type"));
  meta.source_url = utf8::trim(meta_field(j, "detail_page_link"));

  const std::string contents = field(j, "contents");
  std::size_t japanese = 0, letters = 0;
  const bool garbage = looks_like_garbage(contents, japanese, letters);
  if (letters == 0 || garbage) {
    // Only the summary survives: 34697 and 36593 have no text, 80835 has OCR debris.
    std::string gist = utf8::trim(field(j, "gist"));
    std::string heading = "判示事項";
    if (gist.empty()) {
      gist = utf8::trim(field(j, "case_gist"));
      heading = "裁判要旨";
    }
    if (gist.empty()) {
      if (letters == 0) fail("no text: contents is empty and there is no gist");
      fail("no text: contents is not Japanese text (" + std::to_string(japanese) + " of " + std::to_string(letters) +
           " characters are Japanese; a PDF without a text layer?) and there is no gist");
    }
    Passage p;
    p.heading_path = {heading};
    p.section = heading;
    p.text = std::move(gist);
    doc.passages.push_back(std::move(p));
  } else {
    const auto lines = pdf_text::split_lines(contents);
    doc.passages = ruling::group_passages(ruling::layout_blocks(lines), lines);
    const auto header = header_lines(lines);
    // The metadata date is sometimes wrong; the text's own first lines are not. Supreme Court texts
    // often start at 主文, and then only the metadata has the date.
    if (auto date = text_date(header)) meta.date = *date;
    if (auto tc = text_case(header)) {
      if (meta.case_number.empty()) meta.case_number = tc->number;
      if (meta.case_name.empty()) meta.case_name = tc->name;  // 88209 has no case_name
    }
  }
  if (meta.date.empty())
    if (auto date = metadata_date(j)) meta.date = *date;
  if (doc.passages.empty()) fail("no text: contents holds no paragraphs");
  meta.decision_kind = decision_kind(contents, meta.case_number, meta.case_name);

  doc.title = !meta.case_name.empty() ? meta.case_name : !meta.case_number.empty() ? meta.case_number : doc.id;
  for (std::size_t k = 0; k < doc.passages.size(); ++k) doc.passages[k].id = doc.id + "#p" + std::to_string(k + 1);
  return doc;
}

}  // namespace tsubo
