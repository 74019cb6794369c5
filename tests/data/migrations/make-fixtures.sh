#!/bin/bash
# make-fixtures.sh — write the archives that tests/test-migrations.c
# migrates: vN.db.gz is (gzip of) an archive of schema version N, written by the real
# mekong-cli of the last commit of main at which N was the newest schema.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/data/migrations/make-fixtures.sh [VERSION…]   (default: 1 2 3 4 5)
#
# For each version: a detached git worktree of that commit (outside the
# source tree, in a temporary folder, removed afterwards), a build of only
# its mekong-cli, and that mekong-cli importing the five sample articles of
# that commit (data/samples) and three hostile ones, then annotating and
# following feeds where that version's CLI can. Nothing is written with
# SQL: every version that has a table for something also has the command
# that fills it (bookmark, note, tag: version 4; add-feed, fetch:
# version 5), so versions 1 to 3 hold articles (and, from 3, entities) only.
#
# The commits ("git log --first-parent main -- src/core/mk-store-schema.c"
# shows where each version arrived; each commit below is the one before
# the merge that brought the next version):
#   1  e16fcd4  po: complete vi.po              (next: 32262c7 brings 2)
#   2  3859091  Fix what the sanitizer build …  (next: 73b1877 brings 3)
#   3  63aa1c5  po: commit the template; …      (next: e1e0979 brings 4)
#   4  e1e0979  Merge branch 'notes'            (next: e6bc8fe brings 5)
#   5  c0f1260  Merge hardening (fault …)       (next: fd98c67 brings 6)
#
# Version 5's feeds are served by a small Python server on 127.0.0.1:PORT
# (MEKONG_FIXTURE_PORT, default 8765; the URLs are in the archive, and
# the test expects this port): one feed that answers with an ETag,
# Last-Modified and Cache-Control max-age, and one on "localhost" that
# answers once (for add-feed) and then 503 with Retry-After, which leaves
# a feed_hosts row and a failed fetch's status.
#
# MEKONG_FIXTURE_OUTDIR writes the archives elsewhere (to try the script
# without touching the committed ones). Set MEKONG_FIXTURE_WORKDIR to a folder that already holds vN/ worktrees
# with a build-cli/ build to reuse them (they are then left in place).

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(git -C "$here" rev-parse --show-toplevel)
port=${MEKONG_FIXTURE_PORT:-8765}
out=${MEKONG_FIXTURE_OUTDIR:-$here}

declare -A commits=(
  [1]=e16fcd4
  [2]=3859091
  [3]=63aa1c5
  [4]=e1e0979
  [5]=c0f1260
)

versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(1 2 3 4 5)

scratch=$(mktemp -d /tmp/mekong-fixtures-XXXXXX)
workdir=${MEKONG_FIXTURE_WORKDIR:-$scratch}
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  if [[ -z ${MEKONG_FIXTURE_WORKDIR:-} ]]; then
    for v in "${versions[@]}"; do
      [[ -d $workdir/v$v ]] && git -C "$top" worktree remove --force "$workdir/v$v"
    done
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# The hostile articles: markup, SQL and LIKE metacharacters, right-to-left
# and zero-width characters and a BOM, all valid UTF-8 (the text of
# tests/test-cli.c's hostile-file test).
write_hostile_articles() {
  local dir=$1
  mkdir -p "$dir"
  printf '%s\n\n%s\n' '<b>x</b> & <script>alert(1)</script>' \
    'Markup body: <i>kept</i> &amp; shown in Vientiane.' >"$dir/markup.txt"
  printf '%s\n\n%s\n' "Robert'); DROP TABLE articles; -- O'Brien's \"50%\" _ share" \
    "SQL body: ' OR 1=1; --  \"%\" _ \\. Hanoi." >"$dir/sql.txt"
  printf '%s\n\n%s\n' $'\u202eevil\u202c zero\u200bwidth\u200f' \
    $'RTL body: \u202etxet\u202c and \ufeffBOM.' >"$dir/rtl.txt"
}

id_of() {   # id_of DB TITLE-PREFIX: read-only look-up of an article's id
  sqlite3 "$1" "SELECT id FROM articles WHERE substr(title, 1, length('$2')) = '$2'"
}

annotate() {   # version 4 on: bookmarks, notes and tags through the CLI
  local cli=$1 db=$2 a b c m
  a=$(id_of "$db" 'Vietnam, Laos reinforce ties')
  b=$(id_of "$db" 'The Vietnam Social Security (VSS)')
  c=$(id_of "$db" 'The Ministry of Labour, Invalids')
  m=$(id_of "$db" '<b>x</b>')
  [[ -n $a && -n $b && -n $c && -n $m ]] || { echo "an article to annotate is missing" >&2; exit 1; }

  "$cli" --archive "$db" bookmark "$a" \
    --note 'Ghi chú: <b>Hà Nội</b> & "Viêng Chăn" — hỏi BHXH về 50% _ quỹ; DROP TABLE notes; --' \
    --tag 'MoU 2016-2020' --tag '<i>Lào</i>'
  "$cli" --archive "$db" bookmark "$b"
  # A note without a bookmark, several lines, from standard input.
  printf 'First line: pension actuarial tables\n\n  indented <script>alert(1)</script> line\nlast line without newline' |
    "$cli" --archive "$db" note "$c" -
  "$cli" --archive "$db" tag "$c" 'MoU 2016-2020' draft
  "$cli" --archive "$db" bookmark "$m" --tag "'; DROP TABLE tags; --"
}

serve_feeds() {   # version 5: a local server for two feeds
  local dir=$1
  mkdir -p "$dir"
  cat >"$dir/feed.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Tin Lào &amp; Việt &lt;b&gt;</title>
    <link>https://news.example.org/</link>
    <item>
      <title>Vientiane hosts a Mekong water forum</title>
      <link>https://news.example.org/forum.html</link>
      <guid isPermaLink="false">forum-1</guid>
      <pubDate>Mon, 23 Nov 2026 07:04:19 +0700</pubDate>
      <content:encoded><![CDATA[<p>Ministers met in Vientiane on the Mekong&nbsp;river.</p><script>alert(1)</script><p>Hà Nội sent a delegation.</p>]]></content:encoded>
    </item>
    <item>
      <title>Đà Nẵng port &amp; O'Brien's "50%" share</title>
      <link>https://news.example.org/port.html</link>
      <guid isPermaLink="false">port-2</guid>
      <pubDate>Sun, 22 Nov 2026 10:00:00 +0000</pubDate>
      <description>The port of Đà Nẵng; DROP TABLE sources; --</description>
    </item>
  </channel>
</rss>
XML
  cp "$dir/feed.xml" "$dir/flaky.xml"
  python3 - "$dir" "$port" <<'PY' &
import http.server, os, sys
root, port = sys.argv[1], int(sys.argv[2])
served = {}
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = self.path.lstrip('/')
        served[name] = served.get(name, 0) + 1
        if name == 'flaky.xml' and served[name] > 1:
            self.send_response(503)
            self.send_header('Retry-After', '86400')
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        with open(os.path.join(root, name), 'rb') as f:
            body = f.read()
        self.send_response(200)
        self.send_header('Content-Type', 'application/rss+xml')
        self.send_header('ETag', '"mekong-fixture-1"')
        self.send_header('Last-Modified', 'Mon, 23 Nov 2026 06:00:00 GMT')
        self.send_header('Cache-Control', 'max-age=3600')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(('127.0.0.1', port), Handler).serve_forever()
PY
  server_pid=$!
  for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && return
    sleep 0.1
  done
  echo "the feed server did not start on port $port" >&2
  exit 1
}

follow_feeds() {
  local cli=$1 db=$2 f
  serve_feeds "$scratch/feeds"
  "$cli" --archive "$db" add-feed "http://127.0.0.1:$port/feed.xml"
  "$cli" --archive "$db" add-feed "http://localhost:$port/flaky.xml"
  # The second feed's fetch fails (503): the command says so.
  "$cli" --archive "$db" fetch || true
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  # A fetched article, bookmarked with a note.
  f=$(id_of "$db" 'Vientiane hosts a Mekong')
  [[ -n $f ]] || { echo "the feed's article is missing" >&2; exit 1; }
  "$cli" --archive "$db" bookmark "$f" --note 'Theo dõi: nguồn RSS <feed> & "tin"' --tag feed
}

for v in "${versions[@]}"; do
  commit=${commits[$v]}
  tree=$workdir/v$v
  cli=$tree/build-cli/src/cli/mekong-cli
  db=$out/v$v.db

  echo "== version $v: $(git -C "$top" log -1 --format='%h %s' "$commit")"
  if [[ ! -x $cli ]]; then
    git -C "$top" worktree add --detach "$tree" "$commit"
    meson setup "$tree/build-cli" "$tree" >/dev/null
    meson compile -C "$tree/build-cli" src/cli/mekong-cli >/dev/null
  fi

  rm -f "$db" "$db-wal" "$db-shm"
  "$cli" --archive "$db" import "$tree/data/samples"
  write_hostile_articles "$scratch/hostile"
  "$cli" --archive "$db" import "$scratch/hostile/markup.txt" "$scratch/hostile/sql.txt" "$scratch/hostile/rtl.txt"
  [[ $v -ge 4 ]] && annotate "$cli" "$db"
  [[ $v -ge 5 ]] && follow_feeds "$cli" "$db"

  # The CLI closed the archive: the write-ahead log is checkpointed into
  # the file. Check that nothing is left beside it and the version is right.
  [[ ! -e $db-wal ]] || { echo "$db-wal was left behind" >&2; exit 1; }
  [[ $(sqlite3 "$db" 'PRAGMA user_version') == "$v" ]] || { echo "$db is not version $v" >&2; exit 1; }
  # Compressed for the repository (a tenth of the size); the test
  # decompresses a copy.
  gzip -9 --no-name --force "$db"
  echo "$db.gz: $(stat -c %s "$db.gz") bytes"
done
