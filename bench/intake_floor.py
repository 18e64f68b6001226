"""The intake's floor (issue 17): the statements ONE intake sent, as the server logged them with their parameters, replayed
by pgbench (C, no application logic) beside pgbench's plain single-row INSERT in the same run: what the database itself
can do with the policy's records per message, whatever the pipeline in front of it.

Usage (bench/run-intake-floor.sh runs it): intake_floor.py <server.log> <database> <marker> <phone> <conns,...> <seconds>
PGHOST, PGPORT, PGUSER, PGPASSWORD name the server; PGBIN the folder of psql and pgbench.
"""
import os
import re
import subprocess
import sys

log_path, database, marker, phone, conns, seconds = sys.argv[1:7]
bin_dir = os.environ["PGBIN"]
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (\w+):  (.*)$")
PARAM = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")


def entries(path):
    """The log's entries: (pid, level, first line and the lines continuing it)."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = ENTRY.match(line.rstrip("\n"))
            if match:
                if current:
                    yield current
                current = [match.group(1), match.group(2), match.group(3)]
            elif current:
                current[2] += "\n" + line.rstrip("\n")
    if current:
        yield current


def marked_statements(path):
    """The statements of the transaction that took the marked message: from its first statement to its COMMIT."""
    all_entries = list(entries(path))
    for i, (pid, level, text) in enumerate(all_entries):
        if level == "DETAIL" and f"'{marker}'" in text and i > 0 and all_entries[i - 1][0] == pid:
            start = i - 1
            break
    else:
        sys.exit(f"the log holds no statement with the marker {marker}")
    statements = []
    for j in range(start, len(all_entries)):
        pid, level, text = all_entries[j]
        if pid != all_entries[start][0]:
            continue
        if level == "LOG" and re.match(r"statement: COMMIT", text):
            return statements
        execute = re.match(r"execute [^:]+: (.*)", text, re.S)
        if level == "LOG" and execute:
            detail = all_entries[j + 1] if j + 1 < len(all_entries) and all_entries[j + 1][1] == "DETAIL" else None
            params = dict(PARAM.findall(detail[2])) if detail and detail[0] == pid else {}
            statements.append((execute.group(1).strip(), params))
    sys.exit("the marked transaction has no COMMIT in the log")


def psql(sql):
    run = subprocess.run([f"{bin_dir}/psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database],
                         input=sql, capture_output=True, text=True, check=True)
    return run.stdout


def parameter_types(statements):
    """The type the server infers for each parameter ($n) of each statement: prepared in one session, then listed."""
    script = "".join(f"PREPARE floor{i} AS {text};\n" for i, (text, _) in enumerate(statements))
    script += "SELECT name, parameter_types FROM pg_prepared_statements ORDER BY name;\n"
    types = {}
    for line in psql(script).splitlines():
        name, listed = line.split("|", 1)
        types[int(name[len("floor"):])] = re.findall(r'"[^"]+"|[^,{}]+', listed.strip("{}"))
    return {i: [t.strip('"') for t in listed] for i, listed in types.items()}


def literal(value, sql_type):
    """A parameter as a typed literal; the marker's phone and external id become this message's own (set per message)."""
    if value == "NULL":
        return f"NULL::{sql_type}"
    body = value[1:-1]
    parts = []
    for piece in re.split(f"({re.escape(phone)}|{re.escape(marker)})", body):
        if piece == phone:
            parts.append("current_setting('floor.phone')")
        elif piece == marker:
            parts.append("current_setting('floor.id')")
        elif piece:
            # pgbench takes ":name" anywhere, quotes or not, for one of its variables (JSON's "key":null).
            parts.append("'" + re.sub(r":(?=[A-Za-z_])", "' || chr(58) || '", piece) + "'")
    return f"({' || '.join(parts) or repr('')})::{sql_type}"


def message_sql(statements, types):
    lines = []
    for i, (text, params) in enumerate(statements):
        typed = types.get(i, [])
        lines.append(re.sub(r"\$(\d+)(?!\d)", lambda m: literal(params[m.group(1)], typed[int(m.group(1)) - 1]), text)
                     .replace("\n", " ") + ";")
    return "\n".join(lines)


def script(body, per_transaction):
    # A message's own phone and external id per message: each opens a new case, as the C# bench's messages do.
    lines = ["\\set p random(1, 99999999)", "BEGIN;"]
    for k in range(per_transaction):
        lines.append(f"SELECT set_config('floor.phone', '+86139' || lpad(((:p * {per_transaction} + {k}) % 100000000)::text, 8, '0'), true),"
                     f" set_config('floor.id', 'FLOOR-' || (:p * {per_transaction} + {k})::text, true);")
        lines.append(body)
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def pgbench(path, clients, per_transaction):
    run = subprocess.run([f"{bin_dir}/pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", str(min(clients, 2)), "-T", seconds,
                          "-f", path, database], capture_output=True, text=True)
    tps = re.search(r"tps = ([0-9.]+)", run.stdout)
    if run.returncode != 0 or not tps:
        sys.exit(f"pgbench failed on {path}:\n{run.stdout}\n{run.stderr}")
    return float(tps.group(1)) * per_transaction


statements = marked_statements(log_path)
types = parameter_types(statements)
body = message_sql(statements, types)
work = os.path.dirname(os.path.abspath(log_path))
files = {}
for name, text, per in [("raw", "\\set p random(1, 99999999)\nINSERT INTO bench_raw (channel, external_id, body, created_at) "
                                "VALUES ('sms', 'floor-raw-' || :p, '小区电梯坏了三天，没人修', now());\n", 1),
                        ("floor", script(body, 1), 1), ("floor3", script(body, 3), 3),
                        # The least any design stores: the case row (with the indexes the queue, search and reports
                        # need) and its message, nothing else (no contact, deadline, audit or event), one statement.
                        ("case_message", "\\set p random(1, 99999999)\n"
                                         "WITH k AS (INSERT INTO cases (number, channel, status, class, contact_id, contact_phone, received_at, "
                                         "last_inbound_at, updated_at) SELECT 'FLOOR-' || nextval('case_serial'), 'sms', 'received', 'general', min(id), "
                                         "'+86139' || :p, now(), now(), now() FROM contacts RETURNING id, number) "
                                         "INSERT INTO messages (case_id, direction, channel, external_id, sender, body_text, attachments, created_at) "
                                         "SELECT id, 'inbound', 'sms', number, 'phone:+86139' || :p, '小区电梯坏了三天，没人修', '[]', now() "
                                         "FROM k ON CONFLICT DO NOTHING;\n", 1)]:
    files[name] = (os.path.join(work, f"intake-{name}.pgbench"), per)
    with open(files[name][0], "w", encoding="utf-8") as out:
        out.write(text)
print(f"the marked intake sent {len(statements)} statements in one transaction (lookup, write):")
for text, _ in statements:
    print("  " + re.sub(r"\s+", " ", text)[:100])
print("conns | pgbench raw insert/s | floor msg/s (1 per commit) | floor msg/s (3 per commit) | floor/raw | case + message only/s | its /raw")
result = []
for clients in [int(c) for c in conns.split(",")]:
    # Alternated twice, the better of each kept: the machine is noisy and every figure is a ceiling.
    best = {name: 0.0 for name in files}
    for _ in range(2):
        for name, (path, per) in files.items():
            best[name] = max(best[name], pgbench(path, clients, per))
    floor = max(best["floor"], best["floor3"])
    least = best["case_message"]
    print(f"{clients:5} | {best['raw']:20.0f} | {best['floor']:26.0f} | {best['floor3']:26.0f} | {floor / best['raw']:9.2f} | "
          f"{least:21.0f} | {least / best['raw']:8.2f}")
    result.append(f"raw_c{clients}={best['raw']:.0f} floor_c{clients}={best['floor']:.0f} floor3_c{clients}={best['floor3']:.0f} "
                  f"ratio_c{clients}={floor / best['raw']:.2f} case_message_c{clients}={least:.0f} case_message_ratio_c{clients}={least / best['raw']:.2f}")
print(f"RESULT intake_floor seconds={seconds} {' '.join(result)}")
