// tsubo fetch's downloads with cpp-httplib's client: e-Gov 法令API v2 law_data (the <Law> element
// cut out of its wrapper) and courts.go.jp ruling PDFs, each written to the corpus folder whole or not
// at all (a .part file renamed), each failure reported with its reason while the rest go on.

#include "corpus/fetch.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <httplib.h>
#include <pugixml.hpp>

#include "corpus/importers.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

constexpr std::size_t kMaxBody = 512u << 20;  // a ruling PDF is a few MB; a law XML at most tens

struct BaseUrl {
  std::string scheme_host_port;  // "https://laws.e-gov.go.jp"
  std::string prefix;            // path before /api/2/…, usually empty
  bool https = false;
};

BaseUrl parse_base_url(const std::string& url) {
  static const std::regex re(R"(^(https?)://([^/?#]+)(/[^?#]*)?$)", std::regex::icase);
  std::smatch m;
  if (!std::regex_match(url, m, re)) throw std::runtime_error("not an http(s) base URL: " + url);
  BaseUrl base;
  std::string scheme = m[1];
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  base.https = scheme == "https";
  base.scheme_host_port = scheme + "://" + m[2].str();
  base.prefix = m[3];
  while (!base.prefix.empty() && base.prefix.back() == '/') base.prefix.pop_back();
  return base;
}

// A short, printable excerpt of a body for error messages (servers answer errors with HTML or JSON).
std::string excerpt(const std::string& body) {
  std::size_t end = std::min<std::size_t>(body.size(), 80);
  while (end < body.size() && end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;  // UTF-8
  std::string out;
  for (char c : body.substr(0, end)) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  if (end < body.size()) out += "…";
  return out;
}

// GET base + path; returns the body of a 200 answer, throws with the status or network error.
std::string http_get(const FetchOptions& options, const std::string& base_url, const std::string& path) {
  const BaseUrl base = parse_base_url(base_url);
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
  if (base.https)
    throw std::runtime_error("this build cannot fetch https: cpp-httplib was compiled without OpenSSL support (" +
                             base.scheme_host_port + "); pass an http:// --base-url or rebuild with OpenSSL");
#endif
  httplib::Client client(base.scheme_host_port);
  if (!client.is_valid()) throw std::runtime_error("cannot make an HTTP client for " + base.scheme_host_port);
  client.set_connection_timeout(options.timeout_seconds);
  client.set_read_timeout(options.timeout_seconds);
  client.set_follow_location(true);
  std::string body;
  bool too_large = false;
  const std::string target = base.prefix + path;
  auto res = client.Get(target, [&](const char* data, std::size_t n) {
    if (body.size() + n > kMaxBody) {
      too_large = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  const std::string url = base.scheme_host_port + target;
  if (too_large) throw std::runtime_error(url + ": answer larger than " + std::to_string(kMaxBody >> 20) + " MB");
  if (!res) throw std::runtime_error(url + ": network error: " + httplib::to_string(res.error()));
  if (res->status != 200) {
    std::string message = url + ": HTTP " + std::to_string(res->status);
    if (!body.empty()) message += " (" + excerpt(body) + ")";
    throw std::runtime_error(message);
  }
  return body;
}

// Writes bytes to path through path.part, so an interrupted run leaves no half file to import.
void write_file(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create " + path.parent_path().string() + ": " + ec.message());
  const fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + part.string());
  }
  fs::rename(part, path, ec);
  if (ec) {
    fs::remove(part);
    throw std::runtime_error("cannot rename " + part.string() + ": " + ec.message());
  }
}

bool all_of_chars(const std::string& s, bool (*ok)(unsigned char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](unsigned char c) { return ok(c); });
}

}  // namespace

std::string ruling_pdf_path(const std::string& ruling_id) {
  if (ruling_id.size() > 9 || !all_of_chars(ruling_id, [](unsigned char c) { return std::isdigit(c) != 0; }))
    throw std::invalid_argument("a courts.go.jp ruling id is a number such as 88984, not \"" + ruling_id + "\"");
  std::string padded = ruling_id;
  if (padded.size() < 6) padded.insert(0, 6 - padded.size(), '0');
  return "/app/files/hanrei_jp/" + padded.substr(padded.size() - 3) + "/" + padded + "_hanrei.pdf";
}

// API v2 law_data with response_format=xml wraps the law:
//   <law_data_response><law_info>…</law_info><revision_info>…</revision_info>
//     <law_full_text><Law Era="Heisei" Year="5" Num="47" …><LawNum>平成五年法律第四十七号</LawNum>…
std::string extract_law_xml(const std::string& response_body) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(response_body.data(), response_body.size());
  if (!parsed)
    throw std::runtime_error(std::string("not XML: ") + parsed.description() + " at byte " +
                             std::to_string(parsed.offset) + " (" + excerpt(response_body) + ")");
  pugi::xml_node law = doc.child("Law");
  if (!law) law = doc.document_element().child("law_full_text").child("Law");
  if (!law) law = doc.find_node([](const pugi::xml_node& n) { return std::string_view(n.name()) == "Law"; });
  if (!law)
    throw std::runtime_error(std::string("no <Law> element in the answer (root <") + doc.document_element().name() +
                             ">)");
  pugi::xml_document out;
  auto decl = out.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  out.append_copy(law);
  std::ostringstream text;
  // Raw: indenting would add white space inside mixed content such as <Sentence>…<Ruby>…</Ruby>…
  out.save(text, "", pugi::format_raw);
  return text.str() + "\n";
}

FetchResult fetch_law(const FetchOptions& options, const std::string& law_id) {
  FetchResult result{"law " + law_id, "", ""};
  try {
    // Law IDs (405AC0000000047) and revision IDs (405AC0000000047_20240401_505AC0000000051).
    if (!all_of_chars(law_id, [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; }))
      throw std::invalid_argument("an e-Gov law ID is letters, digits and _ such as 405AC0000000047");
    const std::string body = http_get(options, options.law_base_url, "/api/2/law_data/" + law_id +
                                                                         "?response_format=xml");
    const std::string xml = extract_law_xml(body);
    const fs::path path = fs::path(options.out_dir) / (law_id + ".xml");
    try {
      parse_statute_xml(xml, "statute/" + law_id, path.string());
    } catch (const ImportError& e) {
      throw std::runtime_error(std::string("the law XML cannot be imported: ") + e.what());
    }
    write_file(path, xml);
    result.path = path.string();
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

FetchResult fetch_ruling(const FetchOptions& options, const std::string& ruling_id) {
  FetchResult result{"ruling " + ruling_id, "", ""};
  try {
    const std::string body = http_get(options, options.ruling_base_url, ruling_pdf_path(ruling_id));
    if (body.compare(0, 5, "%PDF-") != 0)
      throw std::runtime_error("not a PDF (no %PDF- at the start: " + excerpt(body) + ")");
    const fs::path path = fs::path(options.out_dir) / (ruling_id + ".pdf");
    write_file(path, body);
    result.path = path.string();
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

std::vector<FetchResult> fetch_sources(const FetchOptions& options, const std::vector<std::string>& law_ids,
                                       const std::vector<std::string>& ruling_ids, const FetchProgress& progress) {
  std::vector<FetchResult> results;
  const std::size_t total = law_ids.size() + ruling_ids.size();
  auto run = [&](const std::string& kind, const std::string& id, auto fetch) {
    const std::string n = "[" + std::to_string(results.size() + 1) + "/" + std::to_string(total) + "] ";
    if (progress) progress("[fetch][" + kind + "] " + n + id + " …");
    results.push_back(fetch(options, id));
    const FetchResult& r = results.back();
    if (progress) progress("[fetch][" + kind + "] " + n + id + (r.ok() ? " → " + r.path : ": " + r.error));
  };
  for (const auto& id : law_ids) run("law", id, fetch_law);
  for (const auto& id : ruling_ids) run("ruling", id, fetch_ruling);
  return results;
}

}  // namespace tsubo
