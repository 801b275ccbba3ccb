// tsubo fetch's downloads against an httplib::Server on 127.0.0.1 standing in for e-Gov 法令API v2
// and courts.go.jp: files written, the <Law> cut out of the API wrapper importable, failures reported
// per item while the others go on. Nothing but loopback is ever contacted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <chrono>
#include <thread>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "corpus/fetch.h"
#include "corpus/importers.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

// Enough of a PDF for fetch, which checks only the %PDF- magic; importing is pdf_import_test's job.
const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Fetch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new httplib::Server;
    server_->Get("/api/2/law_data/405AC0000000047", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_param_value("response_format") != "xml") {
        res.status = 400;
        return;
      }
      res.set_content(testing::read_fixture("fetch/law_data_405AC0000000047.xml"), "application/xml");
    });
    server_->Get("/api/2/law_data/999AC0000000999", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content(R"({"code":"404001","message":"法令が存在しません。"})", "application/json");
    });
    server_->Get("/api/2/law_data/405AC0000000048", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body>メンテナンス中</body></html>", "text/html");
    });
    server_->Get("/app/files/hanrei_jp/984/088984_hanrei.pdf", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kPdf, "application/pdf");
    });
    // courts.go.jp answers a missing file with an HTML page and status 200.
    server_->Get("/app/files/hanrei_jp/001/000001_hanrei.pdf", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<!DOCTYPE html><html><title>ページが見つかりません</title></html>", "text/html");
    });
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = new std::thread([] { server_->listen_after_bind(); });
    // bind_to_any_port already listens, so early connections wait in the backlog. Wait for the
    // accept loop all the same: stop() before it starts is lost and join() would hang.
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
  }

  FetchOptions options(const std::string& label) const {
    FetchOptions o;
    o.out_dir = (fs::path(testing::temp_dir(label)) / "corpus").string();  // created by fetch
    o.law_base_url = "http://127.0.0.1:" + std::to_string(port_);
    o.ruling_base_url = o.law_base_url;
    o.timeout_seconds = 5;
    return o;
  }

  static httplib::Server* server_;
  static std::thread* thread_;
  static int port_;
};

httplib::Server* Fetch::server_ = nullptr;
std::thread* Fetch::thread_ = nullptr;
int Fetch::port_ = 0;

TEST_F(Fetch, RulingPdfPath) {
  EXPECT_EQ(ruling_pdf_path("88984"), "/app/files/hanrei_jp/984/088984_hanrei.pdf");
  EXPECT_EQ(ruling_pdf_path("1"), "/app/files/hanrei_jp/001/000001_hanrei.pdf");
  EXPECT_EQ(ruling_pdf_path("1234567"), "/app/files/hanrei_jp/567/1234567_hanrei.pdf");
  EXPECT_THROW(ruling_pdf_path("88984/../x"), std::invalid_argument);
  EXPECT_THROW(ruling_pdf_path(""), std::invalid_argument);
}

TEST_F(Fetch, LawXmlExtractedFromApiWrapperIsImportable) {
  const FetchOptions o = options("fetch-law");
  const FetchResult r = fetch_law(o, "405AC0000000047");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.path, (fs::path(o.out_dir) / "405AC0000000047.xml").string());
  const std::string xml = read_file(r.path);
  EXPECT_EQ(xml.find("law_data_response"), std::string::npos);
  EXPECT_EQ(xml.find("<Law "), xml.find("?>") + 2) << xml.substr(0, 200);
  const Document doc = parse_statute_xml(xml, "statute/405AC0000000047", r.path);
  EXPECT_EQ(doc.title, "不正競争防止法");
  std::string all;
  for (const auto& p : doc.passages) all += p.text + "\n";
  EXPECT_NE(all.find("この法律において「営業秘密」とは、秘密として管理されている"), std::string::npos) << all;
  EXPECT_FALSE(fs::exists(r.path + ".part"));
}

TEST_F(Fetch, BareLawDocumentIsAcceptedAndOthersRefused) {
  EXPECT_NE(extract_law_xml(testing::read_fixture("xml/405AC0000000047.xml")).find("<LawTitle"), std::string::npos);
  EXPECT_THROW(extract_law_xml("<law_data_response><law_info/></law_data_response>"), std::runtime_error);
  EXPECT_THROW(extract_law_xml("{\"law_full_text\": {}}"), std::runtime_error);
}

TEST_F(Fetch, RulingPdfWritten) {
  const FetchOptions o = options("fetch-ruling");
  const FetchResult r = fetch_ruling(o, "88984");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.path, (fs::path(o.out_dir) / "88984.pdf").string());
  EXPECT_EQ(read_file(r.path), kPdf);
}

TEST_F(Fetch, NotAPdfIsRefused) {
  const FetchOptions o = options("fetch-not-pdf");
  const FetchResult r = fetch_ruling(o, "1");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("not a PDF"), std::string::npos) << r.error;
  EXPECT_FALSE(fs::exists(fs::path(o.out_dir) / "1.pdf"));
}

TEST_F(Fetch, FailuresReportedAndTheRestFetched) {
  const FetchOptions o = options("fetch-mixed");
  std::vector<std::string> progress;
  const auto results =
      fetch_sources(o, {"999AC0000000999", "405AC0000000047", "405AC0000000048", "../etc"}, {"404", "88984"},
                    [&](const std::string& line) { progress.push_back(line); });
  ASSERT_EQ(results.size(), 6u);
  EXPECT_NE(results[0].error.find("HTTP 404"), std::string::npos) << results[0].error;
  EXPECT_NE(results[0].error.find("/api/2/law_data/999AC0000000999"), std::string::npos) << results[0].error;
  EXPECT_TRUE(results[1].ok()) << results[1].error;
  EXPECT_NE(results[2].error.find("no <Law> element"), std::string::npos) << results[2].error;
  EXPECT_NE(results[3].error.find("law ID"), std::string::npos) << results[3].error;
  EXPECT_NE(results[4].error.find("HTTP 404"), std::string::npos) << results[4].error;
  EXPECT_TRUE(results[5].ok()) << results[5].error;
  EXPECT_TRUE(fs::exists(fs::path(o.out_dir) / "405AC0000000047.xml"));
  EXPECT_TRUE(fs::exists(fs::path(o.out_dir) / "88984.pdf"));
  EXPECT_EQ(std::distance(fs::directory_iterator(o.out_dir), fs::directory_iterator()), 2);
  EXPECT_EQ(progress.size(), 12u);
  EXPECT_NE(progress[1].find("[fetch][law] [1/6] 999AC0000000999: "), std::string::npos) << progress[1];
}

TEST_F(Fetch, NetworkErrorReported) {
  FetchOptions o = options("fetch-refused");
  // A loopback port nobody listens on: bind one, close it, use its number.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  ::close(fd);
  o.ruling_base_url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  const FetchResult r = fetch_ruling(o, "88984");
  EXPECT_NE(r.error.find("network error"), std::string::npos) << r.error;
}

TEST_F(Fetch, BadBaseUrlReported) {
  FetchOptions o = options("fetch-bad-url");
  o.law_base_url = "ftp://127.0.0.1";
  EXPECT_NE(fetch_law(o, "405AC0000000047").error.find("not an http(s) base URL"), std::string::npos);
}

}  // namespace
}  // namespace tsubo
