// Downloading official sources into a corpus folder: e-Gov 法令API v2 law XML by law ID and
// courts.go.jp ruling PDFs by their numeric id, for users without this workplace's shared corpus.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tsubo {

struct FetchOptions {
  std::string out_dir;                                    // created when missing
  std::string law_base_url = "https://laws.e-gov.go.jp";  // scheme://host[:port][/prefix]
  std::string ruling_base_url = "https://www.courts.go.jp";
  int timeout_seconds = 60;                               // connect and read, per request
};

// One requested item: "law 405AC0000000047" or "ruling 88984"; path is the file written (empty on
// failure) and error says why not (HTTP status, network error, not a law XML, not a PDF …).
struct FetchResult {
  std::string item;
  std::string path;
  std::string error;
  bool ok() const { return error.empty(); }
};

// Called before and after each item with a one-line message, e.g. for progress on stderr.
using FetchProgress = std::function<void(const std::string& line)>;

// Fetches /api/2/law_data/<law_id>?response_format=xml and writes the <Law> element it wraps as
// <out_dir>/<law_id>.xml (e-Gov 法令標準XML, readable by parse_statute_xml). Never throws.
FetchResult fetch_law(const FetchOptions& options, const std::string& law_id);

// Fetches <base>/app/files/hanrei_jp/<last 3 digits>/<id, 6 digits>_hanrei.pdf and writes it as
// <out_dir>/<id>.pdf; a body not starting with %PDF- is refused. Never throws.
FetchResult fetch_ruling(const FetchOptions& options, const std::string& ruling_id);

// All laws, then all rulings, one result each in that order; a failed item does not stop the rest.
std::vector<FetchResult> fetch_sources(const FetchOptions& options, const std::vector<std::string>& law_ids,
                                       const std::vector<std::string>& ruling_ids,
                                       const FetchProgress& progress = {});

// The courts.go.jp path of a ruling's PDF: 88984 → /app/files/hanrei_jp/984/088984_hanrei.pdf.
// Throws std::invalid_argument unless the id is 1 to 9 digits.
std::string ruling_pdf_path(const std::string& ruling_id);

// The e-Gov 法令標準XML <Law> element out of an API v2 law_data response (or a bare <Law>
// document), serialised as a document of its own. Throws std::runtime_error with the reason.
std::string extract_law_xml(const std::string& response_body);

}  // namespace tsubo
