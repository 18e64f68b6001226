/// <summary>
/// Years of a complaint centre's history written with SQL: case i is received (n - i + 1) x 94.6 s before the load (so
/// 1,000,000 cases span three years and 1,000 span the last day, at the same rate), by one of 0.6 n phone contacts
/// (customers come back), with three messages (the complaint, the agent's answer with its outbox row, the customer's
/// reply), its forwarding deadline, two events, three audit rows and, once resolved, its follow-up. The last
/// <c>open</c> cases are open (received, forwarded, answered), and one case in 50,000 is an old major case still open;
/// the rest are resolved (1 in 5) or closed, a few withdrawn or merged. The first migration is dated back to the first
/// case, so the hub reports every period since.
/// </summary>
internal static class History
{
    public const string Sql = """
        INSERT INTO departments (code, name, created_at) SELECT 'D' || lpad(g::text, 2, '0'), '部门' || g, now() FROM generate_series(1, 12) g
        ON CONFLICT DO NOTHING;
        INSERT INTO categories (code, name_zh, name_en, sort) SELECT 'cat' || g, '类别' || g, 'Category ' || g, g FROM generate_series(1, 10) g
        ON CONFLICT DO NOTHING;
        INSERT INTO contacts (name, created_at) SELECT '客户' || i, now() - interval '1100 days' FROM generate_series(1, @contacts) i;
        INSERT INTO contact_handles (kind, value, contact_id) SELECT 'phone', '+86139' || lpad(i::text, 8, '0'), i FROM generate_series(1, @contacts) i;

        CREATE TEMP TABLE plan AS
        SELECT i, d,
               CASE WHEN i > @n - @open THEN (ARRAY['received', 'forwarded', 'answered'])[1 + i % 3]
                    WHEN i % 50000 = 7 THEN 'forwarded'
                    WHEN i % 97 = 0 THEN 'withdrawn'
                    WHEN i % 89 = 0 AND i > 1 THEN 'merged'
                    WHEN i % 5 = 0 THEN 'resolved'
                    ELSE 'closed' END AS status,
               CASE WHEN i <= @n - @open AND i % 50000 = 7 THEN 'major' WHEN i % 200 = 1 THEN 'major' WHEN i % 100 = 2 THEN 'hot'
                    WHEN i % 50 = 3 THEN 'important' ELSE 'general' END AS class
        FROM (SELECT i, now() - (@n - i + 1) * interval '94.6 seconds' AS d FROM generate_series(1, @n) i) s;

        INSERT INTO cases (number, channel, status, class, category, contact_id, subject, complainant_name, contact_phone, location, department_id,
                           received_at, last_inbound_at, first_forwarded_at, resolved_at, closed_at, updated_at, redispatches, claimed_by,
                           class_notified_at, similarity_checked_at, merged_into_id)
        SELECT 'TS-' || to_char(d, 'YYYYMMDD') || '-' || lpad(i::text, 7, '0'), (ARRAY['phone', 'email', 'sms', 'chat', 'forum'])[1 + i % 5],
               status, class, 'cat' || (1 + i % 10), 1 + (i::bigint * 7919) % @contacts,
               (ARRAY['停车费收错了', '楼上装修噪音', '电梯经常故障', '物业费上涨', '外墙渗水'])[1 + i % 5], '客户' || (1 + (i::bigint * 7919) % @contacts),
               '+86139' || lpad((1 + (i::bigint * 7919) % @contacts)::text, 8, '0'), '花园' || (1 + i % 30) || '号楼',
               CASE WHEN status <> 'received' THEN 1 + i % 12 END,
               d, d + interval '1 hour', CASE WHEN status <> 'received' THEN d + interval '2 hours' END,
               CASE WHEN status IN ('resolved', 'closed') THEN d + interval '3 days' END, CASE WHEN status = 'closed' THEN d + interval '5 days' END,
               d + interval '5 days', CASE WHEN i % 17 = 0 THEN 1 ELSE 0 END,
               CASE WHEN i > @n - @open AND i % 3 = 0 THEN 'agent' || i % 20 END,
               CASE WHEN class = 'major' THEN now() END, d + interval '1 minute', CASE WHEN status = 'merged' THEN i - 1 END
        FROM plan ORDER BY i;

        INSERT INTO messages (case_id, direction, channel, external_id, sender, body_text, attachments, created_at)
        SELECT c.id, 'inbound', c.channel, 'ext-' || c.id, c.contact_phone,
               (ARRAY['小区停车费收错了，要求退回多收的费用', '楼上装修噪音太大，晚上十点还在施工', '电梯经常故障，老人上下楼很不方便',
                      '物业管理费上涨没有提前通知业主', '外墙渗水，卧室墙面发霉', '快递柜收费不合理', '绿化带被占用改成了停车位但没有公示',
                      'The heating does not work since Monday', '垃圾清运不及时，夏天味道很大', '门禁卡补办要等两周'])[1 + c.id % 10]
               || '。订单' || c.id, '[]', c.received_at
        FROM cases c ORDER BY c.id;
        INSERT INTO messages (case_id, direction, channel, sender, author, body_text, attachments, created_at)
        SELECT c.id, 'outbound', c.channel, 'agent', 'agent', '您好，您的投诉已受理，案件编号 ' || c.number || '，我们会尽快处理。', '[]', c.received_at + interval '10 minutes'
        FROM cases c ORDER BY c.id;
        INSERT INTO messages (case_id, direction, channel, external_id, sender, body_text, attachments, created_at)
        SELECT c.id, 'inbound', c.channel, 'ext2-' || c.id, c.contact_phone, '谢谢，请尽快处理，我明天再打电话问进度。', '[]', c.last_inbound_at
        FROM cases c ORDER BY c.id;
        INSERT INTO outbox (case_id, message_id, channel, recipient, status, attempts, next_attempt_at, sent_at, created_at)
        SELECT m.case_id, m.id, m.channel, 'customer', 'sent', 1, m.created_at, m.created_at, m.created_at FROM messages m WHERE m.direction = 'outbound' ORDER BY m.id;

        INSERT INTO deadlines (case_id, kind, due_at, rule, state, closed_at, warn_at, warned_at)
        SELECT c.id, 'forward', c.received_at + interval '3 days', 'bench',
               CASE WHEN c.status = 'received' AND c.received_at + interval '3 days' > now() THEN 'pending'
                    WHEN c.status = 'received' OR c.id % 10 = 0 THEN 'breached' ELSE 'met' END,
               CASE WHEN c.status <> 'received' THEN c.first_forwarded_at END, c.received_at + interval '2 days',
               CASE WHEN c.received_at + interval '2 days' < now() THEN c.received_at + interval '2 days' END
        FROM cases c ORDER BY c.id;
        INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at)
        SELECT c.id, 'ownerAnswer', c.first_forwarded_at + interval '15 days', 'bench', 'pending', c.first_forwarded_at + interval '12 days'
        FROM cases c WHERE c.status = 'forwarded' ORDER BY c.id;

        INSERT INTO events (position, kind, case_id, case_number, occurred_at, data)
        SELECT 2 * c.id - 1 + k, (ARRAY['case.opened', 'case.updated'])[1 + k], c.id, c.number, c.received_at + k * interval '1 hour', '{}'
        FROM cases c CROSS JOIN generate_series(0, 1) k ORDER BY c.id, k;
        INSERT INTO audit (case_id, at, actor, action, detail)
        SELECT c.id, c.received_at + k * interval '1 hour', 'system', (ARRAY['case.opened', 'case.forwarded', 'case.closed'])[1 + k], '{}'
        FROM cases c CROSS JOIN generate_series(0, 2) k ORDER BY c.id, k;

        INSERT INTO follow_ups (case_id, resolved_at, created_at, channel, answered_at, satisfaction, solved)
        SELECT c.id, c.resolved_at, c.resolved_at, c.channel, CASE WHEN c.id % 2 = 0 THEN c.resolved_at + interval '1 day' END,
               CASE WHEN c.id % 2 = 0 THEN 1 + c.id % 5 END, CASE WHEN c.id % 2 = 0 THEN true END
        FROM cases c WHERE c.resolved_at IS NOT NULL ORDER BY c.id;

        SELECT setval('case_serial', @n + 1);
        UPDATE schema_migrations SET applied_at = to_char((SELECT min(received_at) FROM cases) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        WHERE version = 1;
        """;
}
