// One epoll thread owns every socket (accept, read, parse, write, deadlines); workers only see complete
// requests and hand back the bytes of their answers through a queue and an eventfd.
#include "search/http_event_loop.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

namespace tsubo {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kListenId = 0, kWakeId = 1;
constexpr std::size_t kReadChunk = 16 * 1024;
// Answers waiting for a client that does not read them: past this, its pipelined requests wait.
constexpr std::size_t kMaxPendingOut = 1024 * 1024;
// After a refusal the rest of what the client sends is read and dropped for this long before the
// close, so that the refusal is not lost to a reset (closing with unread bytes sends RST).
constexpr auto kDrainTime = std::chrono::seconds(2);
// Connections beyond the caps get their 503 through this many extra slots, then are closed unanswered.
constexpr std::size_t kRefusalSlots = 64;
constexpr auto kSweepInterval = std::chrono::milliseconds(100);

struct Connection {
  int fd = -1;
  std::uint64_t id = 0;
  std::string peer;           // the peer's address, as the per-client count knows it ("" when uncounted)
  int peer_port = 0;
  std::string in, out;
  std::size_t out_sent = 0;
  bool busy = false;          // a worker has its request
  bool peer_closed = false;   // the client shut its side (read returned 0)
  bool close_after = false;   // close once `out` is written
  bool draining = false;      // answered and shut for writing: reading and dropping until EOF
  bool hung_up = false;       // gone while busy: out of epoll, the descriptor closed when the worker is done
  std::uint32_t events = 0;
  Clock::time_point request_start{};  // first byte of the request being read; {} when none
  Clock::time_point idle_since, last_write, drain_until;

  std::size_t pending() const { return out.size() - out_sent; }
};

struct Job {
  std::uint64_t id;
  httplib::Request request;
  bool head, keep_alive;
  int fd;          // the worker writes what it can of the answer itself when
  bool may_write;  // nothing else is waiting to go out (the loop writes to a busy connection only then)
};

struct Done {
  std::uint64_t id;
  std::string bytes;
  std::size_t sent;  // by the worker
  bool failed;       // the worker's send found the client gone
  bool keep_alive;
};

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

}  // namespace

struct HttpEventLoop::Impl {
  HttpLimits limits;
  ConnectionLimits caps;
  Handler handler;
  Refusal refusal;

  int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
  std::atomic<bool> stopping{false};
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections;
  std::unordered_map<std::string, std::size_t> per_peer;
  std::uint64_t next_id = 2;
  Clock::time_point accept_paused_until{};  // {}: the listening socket is watched

  std::mutex jobs_mutex;
  std::condition_variable jobs_ready;
  std::deque<Job> jobs;
  bool workers_stop = false;
  std::mutex done_mutex;
  std::vector<Done> done;
  std::vector<std::thread> workers;

  std::size_t read_cap() const { return limits.max_header_bytes + limits.max_body_bytes + kReadChunk; }

  std::string refusal_bytes(int status, const std::string& code, const std::string& message) {
    httplib::Response res;
    refusal(status, code, message, res);
    return serialize_http_response(res, false, false);
  }

  void wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(wake_fd, &one, sizeof one);
  }

  // ---- workers ---------------------------------------------------------------------------------

  void work() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(jobs_mutex);
        jobs_ready.wait(lock, [&] { return workers_stop || !jobs.empty(); });
        if (jobs.empty()) return;
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      httplib::Response res;
      try {
        handler(job.request, res);
      } catch (const std::exception& e) {
        std::cerr << "[serve] " << job.request.method << " " << job.request.path << ": " << e.what() << "\n";
        res = httplib::Response();
        refusal(500, "internal_error", "internal error", res);
      } catch (...) {  // Xapian::Error is no std::exception: a worker must outlive anything a handler throws
        std::cerr << "[serve] " << job.request.method << " " << job.request.path << ": unknown error\n";
        res = httplib::Response();
        refusal(500, "internal_error", "internal error", res);
      }
      compress_response(job.request, res);
      Done d{job.id, serialize_http_response(res, job.head, job.keep_alive), 0, false, job.keep_alive};
      // Sending from here saves the loop a copy and a wake-up for most answers. The descriptor stays
      // open while the connection is busy (close_connection waits for the worker).
      while (job.may_write && d.sent < d.bytes.size()) {
        const ssize_t n = ::send(job.fd, d.bytes.data() + d.sent, d.bytes.size() - d.sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
          d.sent += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
          continue;
        } else {
          d.failed = n < 0 && errno != EAGAIN && errno != EWOULDBLOCK;
          break;
        }
      }
      bool first;
      {
        std::lock_guard<std::mutex> lock(done_mutex);
        first = done.empty();
        done.push_back(std::move(d));
      }
      // One wake-up per batch: the loop reads the eventfd before it takes the queue, so an answer
      // queued after that read comes with a wake-up of its own.
      if (first) wake();
    }
  }

  // ---- connections -----------------------------------------------------------------------------

  // Closes now, or, while a worker has the connection (and may be writing to its descriptor), takes it
  // out of epoll and leaves the close to deliver_answers.
  void close_connection(Connection& c) {
    if (!c.hung_up) epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
    if (c.busy) {
      c.hung_up = true;
      return;
    }
    ::close(c.fd);
    if (!c.peer.empty() && --per_peer[c.peer] == 0) per_peer.erase(c.peer);
    connections.erase(c.id);  // destroys c
  }

  void update_interest(Connection& c) {
    if (c.hung_up) return;
    std::uint32_t want = 0;
    if (!c.peer_closed && (c.draining || c.in.size() < read_cap())) want |= EPOLLIN;
    if (c.pending()) want |= EPOLLOUT;
    if (want == c.events) return;
    epoll_event ev{};
    ev.events = want;
    ev.data.u64 = c.id;
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
    c.events = want;
  }

  // Writes what it can; false when the client is gone.
  bool flush(Connection& c) {
    while (c.pending()) {
      const ssize_t n = ::send(c.fd, c.out.data() + c.out_sent, c.pending(), MSG_NOSIGNAL);
      if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
      c.out_sent += static_cast<std::size_t>(n);
      c.last_write = Clock::now();
    }
    c.out.clear();
    c.out_sent = 0;
    return true;
  }

  // Moves a connection on as far as it can go: write, then parse the next request (pipelining),
  // or refuse, or close. Returns false when the connection was closed.
  bool advance(Connection& c) {
    for (;;) {
      if (!flush(c)) return close_connection(c), false;
      if (c.draining) break;
      if (c.close_after && !c.pending()) {
        if (c.peer_closed) return close_connection(c), false;
        ::shutdown(c.fd, SHUT_WR);
        c.draining = true;
        c.in.clear();
        c.drain_until = Clock::now() + kDrainTime;
        break;
      }
      if (c.busy || c.close_after || c.pending() > kMaxPendingOut) break;
      if (c.in.empty()) {
        if (c.peer_closed && !c.pending()) return close_connection(c), false;
        break;
      }
      if (c.request_start == Clock::time_point{}) c.request_start = Clock::now();
      Job job{c.id, {}, false, false, c.fd, false};
      const ParsedRequest p = parse_http_request(c.in, limits, job.request);
      if (p.state == ParsedRequest::State::kIncomplete) {
        if (c.peer_closed && !c.pending()) return close_connection(c), false;
        break;
      }
      if (p.state == ParsedRequest::State::kRefused) {
        c.out += refusal_bytes(p.status, p.code, p.message);
        c.close_after = true;
        c.in.clear();
        continue;
      }
      c.in.erase(0, p.consumed);
      c.request_start = {};
      c.busy = true;
      job.request.remote_addr = c.peer;
      job.request.remote_port = c.peer_port;
      job.head = p.head;
      job.keep_alive = p.keep_alive;  // after a half-close, advance() closes once every request is answered
      job.fd = c.fd;
      job.may_write = !c.pending();
      {
        std::lock_guard<std::mutex> lock(jobs_mutex);
        jobs.push_back(std::move(job));
      }
      jobs_ready.notify_one();
      break;
    }
    update_interest(c);
    return true;
  }

  void on_readable(Connection& c) {
    char chunk[kReadChunk];
    while (!c.peer_closed && (c.draining || c.in.size() < read_cap())) {
      const ssize_t n = ::recv(c.fd, chunk, sizeof chunk, 0);
      if (n > 0) {
        if (!c.draining) c.in.append(chunk, static_cast<std::size_t>(n));
        continue;
      }
      if (n == 0) {
        c.peer_closed = true;
        if (c.draining) return close_connection(c);
        break;
      }
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      if (errno == EINTR) continue;
      return close_connection(c);
    }
    advance(c);
  }

  void accept_all() {
    for (;;) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE) {
          // Out of descriptors: the listening socket stays readable, so stop watching it for a
          // moment rather than spin; the waiting connections stay in the backlog.
          epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
          accept_paused_until = Clock::now() + kSweepInterval;
        }
        return;  // EAGAIN: nothing more to accept
      }
      char host[INET6_ADDRSTRLEN] = "";
      int port = 0;
      if (addr.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
        inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        port = ntohs(a->sin_port);
      } else if (addr.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
        inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
        port = ntohs(a->sin6_port);
      }
      const int yes = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);

      auto c = std::make_unique<Connection>();
      c->fd = fd;
      c->id = next_id++;
      c->peer_port = port;
      c->idle_since = c->last_write = Clock::now();
      const std::size_t from_peer = per_peer.count(host) ? per_peer[host] : 0;
      std::string refused;
      if (connections.size() >= caps.max_connections)
        refused = refusal_bytes(503, "too_many_connections",
                                "too many open connections (at most " + std::to_string(caps.max_connections) +
                                    "; serve --max-connections); try again");
      else if (from_peer >= caps.max_connections_per_client &&
               std::find(caps.uncapped_peers.begin(), caps.uncapped_peers.end(), host) == caps.uncapped_peers.end())
        refused = refusal_bytes(503, "too_many_connections_from_client",
                                "too many open connections from " + std::string(host) + " (at most " +
                                    std::to_string(caps.max_connections_per_client) +
                                    "; serve --max-connections-per-client); try again");
      if (!refused.empty()) {
        if (connections.size() >= caps.max_connections + kRefusalSlots) {
          ::close(fd);
          continue;
        }
        c->out = std::move(refused);
        c->close_after = true;
      } else {
        c->peer = host;
        ++per_peer[c->peer];
      }
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = c->id;
      c->events = EPOLLIN;
      if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        ::close(fd);
        if (!c->peer.empty() && --per_peer[c->peer] == 0) per_peer.erase(c->peer);
        continue;
      }
      Connection& ref = *c;
      connections.emplace(ref.id, std::move(c));
      advance(ref);
    }
  }

  void deliver_answers() {
    std::uint64_t count;
    [[maybe_unused]] const auto n = ::read(wake_fd, &count, sizeof count);
    std::vector<Done> batch;
    {
      std::lock_guard<std::mutex> lock(done_mutex);
      batch.swap(done);
    }
    for (Done& d : batch) {
      auto it = connections.find(d.id);
      if (it == connections.end()) continue;
      Connection& c = *it->second;
      c.busy = false;
      if (c.hung_up || d.failed) {
        close_connection(c);
        continue;
      }
      if (c.out.empty()) {
        c.out = std::move(d.bytes);
        c.out_sent = d.sent;
      } else {
        c.out.append(d.bytes, d.sent);
      }
      if (!d.keep_alive) c.close_after = true;
      c.idle_since = c.last_write = Clock::now();
      advance(c);
    }
  }

  // Deadlines: a request arriving too slowly gets 408; an idle kept-alive connection, a client not
  // reading its answer, and a refused client still sending are closed.
  void sweep() {
    const auto now = Clock::now();
    std::vector<std::uint64_t> ids;
    ids.reserve(connections.size());
    for (const auto& [id, c] : connections) ids.push_back(id);
    for (std::uint64_t id : ids) {
      auto it = connections.find(id);
      if (it == connections.end()) continue;
      Connection& c = *it->second;
      if (c.busy) continue;
      if (c.draining) {
        if (now >= c.drain_until) close_connection(c);
      } else if (c.pending()) {
        if (now - c.last_write >= std::chrono::milliseconds(caps.write_timeout_ms)) close_connection(c);
      } else if (!c.in.empty() && c.request_start != Clock::time_point{}) {
        if (now - c.request_start >= std::chrono::milliseconds(caps.request_timeout_ms)) {
          c.out += refusal_bytes(408, "request_timeout",
                                 "the request did not arrive whole within " + std::to_string(caps.request_timeout_ms / 1000) +
                                     " s (serve --request-timeout)");
          c.close_after = true;
          c.in.clear();
          advance(c);
        }
      } else if (now - c.idle_since >= std::chrono::milliseconds(caps.idle_timeout_ms)) {
        close_connection(c);
      }
    }
  }

  void serve() {
    const std::size_t n = std::max<std::size_t>(1, caps.workers);
    for (std::size_t i = 0; i < n; ++i) workers.emplace_back([this] { work(); });
    std::vector<epoll_event> events(256);
    auto swept = Clock::now();
    while (!stopping) {
      const int ready = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 100);
      for (int i = 0; i < ready; ++i) {
        const std::uint64_t id = events[i].data.u64;
        const std::uint32_t what = events[i].events;
        if (id == kListenId) {
          accept_all();
          continue;
        }
        if (id == kWakeId) {
          deliver_answers();
          continue;
        }
        auto it = connections.find(id);
        if (it == connections.end()) continue;
        Connection& c = *it->second;
        if (what & EPOLLERR) {
          close_connection(c);
          continue;
        }
        if (what & EPOLLIN) {
          // on_readable may close c: look it up again before going on.
          on_readable(c);
          it = connections.find(id);
          if (it == connections.end()) continue;
        } else if (what & EPOLLOUT) {
          if (!advance(c)) continue;
        }
        if ((what & EPOLLHUP) && !(what & EPOLLIN)) close_connection(*it->second);
      }
      if (Clock::now() - swept >= kSweepInterval) {
        if (accept_paused_until != Clock::time_point{} && Clock::now() >= accept_paused_until) {
          epoll_event ev{};
          ev.events = EPOLLIN;
          ev.data.u64 = kListenId;
          epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd, &ev);
          accept_paused_until = {};
        }
        sweep();
        swept = Clock::now();
      }
    }
    {
      std::lock_guard<std::mutex> lock(jobs_mutex);
      workers_stop = true;
      jobs.clear();
    }
    jobs_ready.notify_all();
    for (auto& w : workers) w.join();
    workers.clear();
    std::vector<std::uint64_t> ids;
    for (const auto& [id, c] : connections) ids.push_back(id);
    for (std::uint64_t id : ids) {
      Connection& c = *connections.at(id);
      c.busy = false;  // the workers are gone
      c.hung_up = true;  // and so is epoll's interest, or soon
      close_connection(c);
    }
  }
};

HttpEventLoop::HttpEventLoop(HttpLimits limits, ConnectionLimits connections, Handler handler, Refusal refusal)
    : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->caps = connections;
  impl_->handler = std::move(handler);
  impl_->refusal = std::move(refusal);
  impl_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  impl_->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl_->epoll_fd < 0 || impl_->wake_fd < 0)
    throw std::runtime_error(std::string("[serve] cannot set up the event loop: ") + std::strerror(errno));
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeId;
  epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, impl_->wake_fd, &ev);
}

HttpEventLoop::~HttpEventLoop() {
  if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
  ::close(impl_->wake_fd);
  ::close(impl_->epoll_fd);
}

int HttpEventLoop::bind(const std::string& host, int port) {
  const std::string where = port ? host + ":" + std::to_string(port) : host;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0)
    throw std::runtime_error("[serve] cannot listen on " + where + ": " + gai_strerror(rc));
  int fd = -1, error = 0;
  for (addrinfo* a = found; a; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) { error = errno; continue; }
    // SO_REUSEADDR only (not SO_REUSEPORT, which would let a second server share the port): a restart
    // may reuse a port with connections in TIME_WAIT.
    const int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) break;
    error = errno;
    ::close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  if (fd < 0) {
    if (error == EADDRINUSE)
      throw std::runtime_error("[serve] cannot listen on " + where +
                               ": address already in use (another server? try another --port, or --port 0 for any "
                               "free port)");
    throw std::runtime_error("[serve] cannot listen on " + where + ": " + std::strerror(error));
  }
  set_nonblocking(fd);
  // Room for every connection the caps allow (the soft limit is often 1024 descriptors).
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    const rlim_t want = static_cast<rlim_t>(impl_->caps.max_connections + kRefusalSlots + 256);
    if (files.rlim_cur < want) {
      files.rlim_cur = std::min(want, files.rlim_max);
      setrlimit(RLIMIT_NOFILE, &files);
    }
  }
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int bound = addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                               : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kListenId;
  epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  impl_->listen_fd = fd;
  return bound;
}

void HttpEventLoop::run() {
  if (impl_->listen_fd < 0) throw std::runtime_error("[serve] run() before bind()");
  impl_->serve();
}

void HttpEventLoop::stop() {
  impl_->stopping = true;
  impl_->wake();
}

}  // namespace tsubo
