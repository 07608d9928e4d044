#include <doctest/doctest.h>

#include "core/history.hpp"
#include "fixtures.hpp"

using core::History;
using core::HistoryEntry;
using core::TransportFailure;

namespace {

HistoryEntry sent(const std::string& event_json, int status, std::int64_t at = 1714572202000) {
  HistoryEntry entry =
      core::make_history_entry(fixtures::parse(event_json), "http://127.0.0.1:3000/prod/DynamoDBManager", at);
  entry.status = status;
  entry.ok = status == 200;
  entry.elapsed_ms = 35;
  return entry;
}

}  // namespace

TEST_CASE("an entry takes its operation and table and size from the event it sent") {
  const auto entry = sent(R"({"operation":"read","tableName":"t1","payload":{"Key":{"id":"a"}}})", 200);
  CHECK(entry.operation == "read");
  CHECK(entry.table_name == "t1");
  CHECK(entry.event_bytes ==
        std::string(R"({"operation":"read","tableName":"t1","payload":{"Key":{"id":"a"}}})").size());
  REQUIRE(entry.event.has_value());
}

TEST_CASE("the newest request comes first and every entry gets its own id") {
  History history;
  const auto first = core::add_to_history(history, sent(R"({"operation":"ping"})", 200));
  const auto second = core::add_to_history(history, sent(R"({"operation":"list","payload":{}})", 200));
  CHECK(second > first);
  REQUIRE(history.entries.size() == 2);
  CHECK(history.entries[0].operation == "list");
  CHECK(core::find_history_entry(history, first)->operation == "ping");
  CHECK(core::find_history_entry(history, 999) == nullptr);
}

TEST_CASE("the history keeps at most the newest two hundred entries") {
  History history;
  for (int i = 0; i < 205; ++i) core::add_to_history(history, sent(R"({"operation":"ping"})", 200, i));
  CHECK(history.entries.size() == core::kMaxHistoryEntries);
  CHECK(history.entries.front().sent_at_ms == 204);
  CHECK(history.entries.back().sent_at_ms == 5);
}

TEST_CASE("an event too large to keep is remembered as a summary without the event") {
  const std::string big =
      std::string(R"({"operation":"echo","payload":")") + std::string(core::kMaxHistoryEventBytes, 'x') + "\"}";
  History history;
  core::add_to_history(history, sent(big, 200));
  REQUIRE(history.entries.size() == 1);
  CHECK_FALSE(history.entries[0].event.has_value());
  CHECK(history.entries[0].event_bytes == big.size());
  CHECK(history.entries[0].operation == "echo");
}

TEST_CASE("the history's storage text stays within its byte budget by dropping the oldest") {
  const std::string large =
      std::string(R"({"operation":"echo","payload":")") + std::string(core::kMaxHistoryEventBytes - 100, 'x') + "\"}";
  History history;
  for (int i = 0; i < 40; ++i) core::add_to_history(history, sent(large, 200, i));
  CHECK(core::history_to_storage(history).size() <= core::kMaxHistoryBytes);
  CHECK(history.entries.size() < 40);
  CHECK(history.entries.front().sent_at_ms == 39);
}

TEST_CASE("the history round-trips through storage with exact numbers") {
  History history;
  auto entry = sent(
      R"({"operation":"create","tableName":"t","payload":{"Item":{"id":"n","big":12345678901234567890123456789012345678,"tenth":0.1,"e":1E+2}}})",
      200);
  core::add_to_history(history, entry);
  auto failed = sent(R"({"operation":"ping"})", 0);
  failed.transport_error = {TransportFailure::Timeout, ""};
  core::add_to_history(history, failed);
  const std::string stored = core::history_to_storage(history);
  CHECK(stored.find("12345678901234567890123456789012345678") != std::string::npos);
  CHECK(stored.find("1E+2") != std::string::npos);
  const auto load = core::history_from_storage(stored);
  CHECK(load.diagnostics.empty());
  CHECK(load.history == history);
}

TEST_CASE("every transport failure round-trips through storage as its name with the message apart") {
  History history;
  for (const core::TransportError& error :
       {core::TransportError{TransportFailure::Network, "Failed to fetch"},
        core::TransportError{TransportFailure::Network, ""}, core::TransportError{TransportFailure::Timeout, ""},
        core::TransportError{TransportFailure::Cancelled, ""}}) {
    auto entry = sent(R"({"operation":"ping"})", 0);
    entry.transport_error = error;
    core::add_to_history(history, entry);
  }
  const std::string stored = core::history_to_storage(history);
  CHECK(stored.find(R"("transportError":"network","transportDetail":"Failed to fetch")") != std::string::npos);
  CHECK(stored.find(R"("transportError":"timeout")") != std::string::npos);
  CHECK(stored.find(R"("transportError":"cancelled")") != std::string::npos);
  CHECK(stored.find("none") == std::string::npos);  // an answered request saves no failure
  const auto load = core::history_from_storage(stored);
  CHECK(load.diagnostics.empty());
  CHECK(load.history == history);
}

TEST_CASE("entries saved with the failure as one line read as before") {
  const auto load = core::history_from_storage(
      R"({"version":1,"nextId":5,"entries":[
          {"id":4,"sentAt":4,"operation":"ping","status":0,"transportError":"network: Failed to fetch"},
          {"id":3,"sentAt":3,"operation":"ping","status":0,"transportError":"timeout"},
          {"id":2,"sentAt":2,"operation":"ping","status":0,"transportError":"cancelled"},
          {"id":1,"sentAt":1,"operation":"ping","status":200,"ok":true}]})");
  REQUIRE(load.history.entries.size() == 4);
  CHECK(load.history.entries[0].transport_error == core::TransportError{TransportFailure::Network, "Failed to fetch"});
  CHECK(load.history.entries[1].transport_error == core::TransportError{TransportFailure::Timeout, ""});
  CHECK(load.history.entries[2].transport_error == core::TransportError{TransportFailure::Cancelled, ""});
  CHECK(load.history.entries[3].transport_error == core::TransportError{});
  CHECK(core::history_outcome(load.history.entries[1]) == "timeout");
  CHECK(core::history_outcome(load.history.entries[2]) == "cancelled");
  // Written again in the new form, and read back the same.
  const std::string stored = core::history_to_storage(load.history);
  CHECK(stored.find("network: ") == std::string::npos);
  CHECK(core::history_from_storage(stored).history == load.history);
}

TEST_CASE("ids keep counting up after a reload") {
  History history;
  core::add_to_history(history, sent(R"({"operation":"ping"})", 200));
  auto load = core::history_from_storage(core::history_to_storage(history));
  const auto id = core::add_to_history(load.history, sent(R"({"operation":"ping"})", 200));
  CHECK(id == 2);
}

TEST_CASE("unreadable stored history starts a new one and says so") {
  for (const char* text : {"{", "[]", R"({"version": 2, "entries": []})", R"({"version": 1})"}) {
    const auto load = core::history_from_storage(text);
    CHECK(load.history.entries.empty());
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].message.find("could not be read") != std::string::npos);
  }
  CHECK(core::history_from_storage("").diagnostics.empty());
}

TEST_CASE("damaged stored entries are left out and counted") {
  const auto load = core::history_from_storage(
      R"({"version":1,"nextId":9,"entries":[{"id":3,"sentAt":5,"operation":"ping","ok":true,"status":200},
          {"id":"x"},7,{"id":3,"sentAt":6},{"id":1e3,"sentAt":1},{"id":8,"sentAt":9,"status":99999}]})");
  REQUIRE(load.history.entries.size() == 2);
  CHECK(load.history.entries[0].id == 8);
  CHECK(load.history.entries[0].status == 0);
  CHECK(load.history.entries[1].operation == "ping");
  CHECK(load.history.next_id == 9);
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(load.diagnostics[0].message == "4 saved history entries were damaged and left out.");
}

TEST_CASE("the outcome shown is the status or why no answer came") {
  HistoryEntry entry;
  entry.status = 403;
  CHECK(core::history_outcome(entry) == "403");
  entry.status = 0;
  entry.transport_error = {TransportFailure::Timeout, ""};
  CHECK(core::history_outcome(entry) == "timeout");
  entry.transport_error = {TransportFailure::Cancelled, ""};
  CHECK(core::history_outcome(entry) == "cancelled");
  entry.transport_error = {TransportFailure::Network, "Failed to fetch"};
  CHECK(core::history_outcome(entry) == "no answer");
}

TEST_CASE("two tabs' histories merge: both tabs' requests stay, the same entry once, newest first") {
  History stored;
  core::add_to_history(stored, sent(R"({"operation":"ping"})", 200, 1000));
  History mine = stored;  // this tab read storage, then each tab sent one more
  core::add_to_history(stored, sent(R"({"operation":"list","payload":{}})", 200, 2000));
  core::add_to_history(mine, sent(R"({"operation":"read","payload":{"Key":{"id":"a"}}})", 200, 3000));
  const History merged = core::merge_histories(stored, mine);
  REQUIRE(merged.entries.size() == 3);
  CHECK(merged.entries[0].operation == "read");
  CHECK(merged.entries[1].operation == "list");
  CHECK(merged.entries[2].operation == "ping");
  // Both tabs gave id 2; the entry from this tab got a new one.
  CHECK(merged.entries[0].id != merged.entries[1].id);
  CHECK(merged.next_id > std::max(merged.entries[0].id, merged.entries[1].id));
  CHECK(core::merge_histories(merged, mine) == merged);
}

TEST_CASE("a history cleared in one tab stays cleared when another tab merges its older entries") {
  History mine;
  core::add_to_history(mine, sent(R"({"operation":"ping"})", 200, 1000));
  History cleared;
  cleared.cleared_at_ms = 1500;
  const History merged = core::merge_histories(cleared, mine);
  CHECK(merged.entries.empty());
  const auto load = core::history_from_storage(core::history_to_storage(merged));
  CHECK(load.history.cleared_at_ms == 1500);
  core::add_to_history(mine, sent(R"({"operation":"list"})", 200, 2000));
  CHECK(core::merge_histories(cleared, mine).entries.size() == 1);
}

TEST_CASE("a history from a newer version or cut short is reported unreadable") {
  CHECK(core::history_from_storage(R"({"version":2,"nextId":1,"entries":[]})").unreadable ==
        std::optional<std::string>("it was saved by a newer version of the workbench"));
  CHECK(core::history_from_storage(R"({"version":1,"nextId":1,"entr)").unreadable ==
        std::optional<std::string>("it is not valid JSON"));
  CHECK_FALSE(core::history_from_storage("").unreadable);
}

TEST_CASE("room is made by dropping the oldest history entry first") {
  History history;
  core::add_to_history(history, sent(R"({"operation":"ping"})", 200, 1000));
  core::add_to_history(history, sent(R"({"operation":"list"})", 200, 2000));
  CHECK(core::drop_oldest_history_entry(history));
  REQUIRE(history.entries.size() == 1);
  CHECK(history.entries[0].operation == "list");
  CHECK(core::drop_oldest_history_entry(history));
  CHECK_FALSE(core::drop_oldest_history_entry(history));
}
