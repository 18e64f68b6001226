// Problem codes the hub sends (ProblemDetails "code", Server/Infrastructure/Problems/ProblemCodes), said in the user's
// language: the server's English title and detail never reach a page (issue 14.2). The codes themselves are kept in
// ../../problem-codes.json, which a workspace test and a server test check against this file and ProblemCodes.All.
export default {
  "zh-CN": {
    problem: {
      "macro": {
        "name": "请填写宏的中文名称和英文名称（各不超过80字）。",
        "actions": "一个宏包含1至10个动作。",
        "action-kind": "第{step}步的动作类型无效。",
        "action-twice": "第{step}步的动作在前面已有，同一动作只能出现一次。",
        "action-order": "第{step}步（暂停或解决）必须是最后一步。",
        "action-invalid": "第{step}步缺少必填内容（如回复模板、分类、部门、等待原因或解决说明）。",
        "reply-unknown": "第{step}步的共享常用回复已不存在。",
        "category-unknown": "第{step}步的分类未配置。",
        "department-unknown": "第{step}步的部门不存在。",
        "not-found": "该宏不存在。",
        "step-refused": "宏在第{step}步被拒绝，之前的步骤已生效。"
      },
      "category": {
        "unknown": "该分类未配置。"
      },
      "canned": {
        "unknown-variable": "回复中有未知的变量。",
        "title": "请填写标题（长度有限制）。",
        "text": "请填写回复内容（长度有限制）。",
        "shortcut-taken": "该快捷词已被使用。",
        "shortcut": "快捷词无效。",
        "shared-supervisors": "只有主管可以管理共享回复。",
        "shared-fixed": "共享回复不能改为个人回复，反之亦然。",
        "not-found": "该常用回复不存在，或您无权修改。",
        "language": "请选择语言（中文或英文）。",
        "case-not-found": "该案件不存在。"
      },
      "chat": {
        "unknown": "会话已失效，请刷新页面。",
        "origin": "本站点不能使用在线咨询。"
      },
      "attachment": {
        "unknown": "附件已不存在，请重新上传。",
        "type-not-allowed": "只接受图片和便携式文档（扫描件）文件。",
        "too-large": "文件过大。",
        "missing": "请选择要发送的文件。",
        "link-expired": "该链接已失效，请联系我们重新发送文件。",
        "empty": "文件是空的。",
        "before-case": "请先描述您的问题，投诉登记后即可发送文件。"
      },
      "assignment": {
        "unknown-user": "找不到该用户。",
        "note-too-long": "指派说明过长（最多1000字）。",
        "not-an-agent": "只能指派给客服专员。",
        "inactive-user": "该账号已停用，不能接收案件。",
        "held-by-other": "该案件由其他客服处理，只有主管可以改派。",
        "case-not-found": "该案件不存在。",
        "case-closed": "该案件已结束，不能再指派。"
      },
      "pause": {
        "waiting-for-invalid": "请选择案件在等待什么（客户或外部专业意见）。"
      },
      "http": {
        "bad-request": "请求无效，请检查后重试。",
        "unauthorized": "请先登录。",
        "forbidden": "您的角色无权执行此操作。",
        "not-found": "找不到所请求的内容。",
        "method-not-allowed": "不支持此操作。",
        "conflict": "操作与当前状态冲突，请刷新后重试。",
        "too-large": "提交的内容过大。",
        "unsupported-media-type": "不支持所提交内容的格式。",
        "too-many-requests": "请求过于频繁，请稍后再试。",
        "unavailable": "服务暂时不可用，请稍后再试。",
        "server-error": "服务器出错，请稍后再试。"
      },
      "request": {
        "charset": "提交内容的字符编码不受支持，请使用统一码。",
        "unreadable": "无法读取提交的内容。",
        "cross-site": "来自其他网站的请求已被拒绝。"
      },
      "intake": {
        "message-refused": "该消息不符合接收规则，已被拒绝。"
      },
      "database": {
        "unavailable": "数据库暂时无法连接，请稍后再试。"
      },
      "health": {
        "not-ready": "系统暂时无法受理投诉。"
      },
      "command": {
        "not-found": "要处理的对象不存在。",
        "conflict": "案件当前的状态不允许此操作，请刷新后查看。",
        "invalid": "填写的内容不完整或无效，请检查。"
      },
      "case": {
        "not-found": "该案件不存在。",
        "takeover-refused": "该案件已被其他客服认领，只有主管可以接手。",
        "class-invalid": "请选择有效的投诉级别。",
        "class-supervisor-only": "只有主管可以设置案件级别。",
        "merge-target-required": "请填写要合并到的案件编号。",
        "merge-target-not-found": "要合并到的案件不存在。",
        "complainant-invalid": "投诉人需要姓名以及电话或电子邮箱。"
      },
      "register": {
        "idempotency-key": "请求缺少防重复标识，请重试。",
        "channel": "请选择有效的受理渠道。",
        "text-required": "请填写投诉内容。",
        "phone": "电话号码格式不正确。",
        "email": "电子邮箱地址格式不正确。",
        "category": "所选分类未配置。",
        "invalid": "投诉登记的内容不完整或过长，请检查。",
        "case-not-found": "要补充到的案件不存在。",
        "case-not-open": "该案件已不在处理中，请登记为新案件。"
      },
      "query": {
        "status-invalid": "筛选的状态无效。",
        "channel-invalid": "筛选的渠道无效。",
        "class-invalid": "筛选的级别无效。",
        "limit-invalid": "每页数量超出范围。"
      },
      "events": {
        "cursor-invalid": "实时事件的位置无效，请刷新页面。"
      },
      "queue": {
        "cursor-invalid": "队列的翻页位置无效，请刷新页面。",
        "assignee-invalid": "队列筛选的处理人无效，请重新选择。"
      },
      "owner": {
        "no-department": "您的账号不是任何部门的投诉处理负责人，请联系管理员设置。",
        "case-not-found": "该案件不存在，或未转交给您的部门。"
      },
      "followup": {
        "answer-invalid": "请选择满意度（1至5）并说明问题是否已解决。",
        "link-unknown": "该回访链接无效或已过期，请联系客服中心。"
      },
      "status": {
        "withdraw-closed": "该投诉已办结，不能再撤回。",
        "withdraw-reason": "请填写撤回的原因（1至1000字）。",
        "missing": "请填写案件编号以及案件登记的电话或电子邮箱。",
        "rate-limited": "验证码请求过多，请一小时后再试。",
        "no-match": "没有与该电话或电子邮箱相符的案件。",
        "code-wrong": "验证码不正确，请检查后重试。",
        "code-attempts": "验证码错误次数过多，请重新获取验证码。",
        "code-expired": "验证码已过期或已使用，请重新获取。",
        "info-length": "请填写一至四千个字。",
        "no-contact": "该案件没有可用的联系方式，无法补充信息。",
        "session-over": "会话已结束，请重新获取验证码。"
      },
      "cases": {
        "not-found": "该案件不存在。"
      },
      "contacts": {
        "query-length": "请输入2至200个字符的电话、邮箱或账号。",
        "not-found": "该联系人不存在。",
        "link-not-found": "该关联不存在。",
        "link-undone": "该关联已被撤销。",
        "already-linked": "这两个联系方式已属于同一人。",
        "link-reason": "请说明关联的理由。",
        "link-self": "不能将联系人与自身关联。"
      },
      "search": {
        "query-length": "搜索词过长或过短。",
        "status": "筛选的状态无效。",
        "channel": "筛选的渠道无效。",
        "class": "筛选的级别无效。",
        "date-range": "结束日期早于开始日期。",
        "sort": "排序方式无效。",
        "page-size": "每页数量超出范围。",
        "page": "页码超出范围，请缩小搜索范围。",
        "no-department": "您的账号不是任何部门的投诉处理负责人，请联系管理员设置。"
      },
      "auth": {
        "sign-in-refused": "用户名或密码错误。",
        "locked-out": "登录失败次数过多，请稍后再试。"
      },
      "setup": {
        "code-wrong": "设置码不正确，设置码显示在服务器启动时的控制台中。",
        "over": "已有账号，初始设置已完成，请登录。"
      },
      "account": {
        "not-found": "该用户不存在。",
        "department-invalid": "所选部门不存在。",
        "roles-invalid": "请至少选择一个有效角色。",
        "username-taken": "该用户名已被使用。",
        "username-invalid": "用户名为一至一百个字符，不含空格。",
        "password-short": "密码太短。",
        "self-disable": "不能停用自己的账号。"
      },
      "department": {
        "unknown": "该部门不存在。",
        "invalid": "请填写部门代码（一至五十个字符）和名称（一至二百个字符）。",
        "code-taken": "该部门代码已存在。"
      },
      "policy": {
        "preset-invalid": "所选政策预设不存在。",
        "channel-invalid": "请选择有效的渠道。",
        "received-at-invalid": "请选择有效的接收时间。"
      },
      "calendar": {
        "day-invalid": "请选择有效的日期。",
        "name-invalid": "请填写名称（一至一百个字符）。",
        "day-not-set": "本单位未设置这一天，无需撤销。"
      },
      "outbox": {
        "status-invalid": "筛选的发送状态无效。"
      },
      "raw": {
        "disposition-invalid": "筛选的处理结果无效。",
        "reprocess-refused": "该渠道的原始消息不能重新处理。"
      },
      "forum": {
        "source-not-found": "该论坛来源不存在。",
        "source-busy": "该论坛来源正在被读取，请稍后再试。"
      },
      "board": {
        "count-invalid": "数量须在一至六十二之间。",
        "bucket-invalid": "请按日、周或月汇总。",
        "case-bucket-invalid": "看板上没有这一类案件。"
      },
      "report": {
        "range-invalid": "报告期间无效，请检查开始和结束日期。",
        "not-found": "该报告不存在。",
        "format-invalid": "报告格式须为表格或数据文件。",
        "range-future": "报告期间不能晚于今天开始。"
      },
      "unknown": "操作未能完成（{code}）。"
    },
  },
  en: {
    problem: {
      "macro": {
        "name": "Give the macro a Chinese and an English name (at most 80 characters each).",
        "actions": "A macro has 1 to 10 actions.",
        "action-kind": "Step {step} has an unknown kind of action.",
        "action-twice": "Step {step} repeats an earlier action; each action appears once.",
        "action-order": "Step {step} (pause or resolve) must be the last step.",
        "action-invalid": "Step {step} lacks what it needs (a reply template, category, department, what it waits for or a resolution note).",
        "reply-unknown": "The shared canned reply of step {step} no longer exists.",
        "category-unknown": "The category of step {step} is not configured.",
        "department-unknown": "The department of step {step} does not exist.",
        "not-found": "The macro does not exist.",
        "step-refused": "The macro stopped at step {step}; the steps before it were applied."
      },
      "category": {
        "unknown": "The category is not configured."
      },
      "canned": {
        "unknown-variable": "The reply uses an unknown variable.",
        "title": "Write a title (within the length limit).",
        "text": "Write the reply text (within the length limit).",
        "shortcut-taken": "That shortcut is already taken.",
        "shortcut": "The shortcut is not valid.",
        "shared-supervisors": "Only supervisors manage shared replies.",
        "shared-fixed": "A shared reply cannot become personal, nor the reverse.",
        "not-found": "The canned reply does not exist or is not yours to change.",
        "language": "Choose a language (Chinese or English).",
        "case-not-found": "The case does not exist."
      },
      "chat": {
        "unknown": "The conversation is no longer valid; reload the page.",
        "origin": "The chat does not answer pages of this site."
      },
      "attachment": {
        "unknown": "An attached file is no longer there; attach it again.",
        "type-not-allowed": "Only images (JPEG, PNG, WebP, GIF) and PDF files are accepted.",
        "too-large": "The file is too large.",
        "missing": "Choose a file to send.",
        "link-expired": "This link has expired; ask us to send the file again.",
        "empty": "The file is empty.",
        "before-case": "Please describe the problem first; files can be sent once the complaint is registered."
      },
      "assignment": {
        "unknown-user": "There is no such user.",
        "note-too-long": "The note is too long (1000 characters at most).",
        "not-an-agent": "Cases can only be assigned to agents.",
        "inactive-user": "That account is switched off and cannot be given cases.",
        "held-by-other": "Another agent holds this case; only a supervisor can reassign it.",
        "case-not-found": "The case does not exist.",
        "case-closed": "The case is closed and can no longer be assigned."
      },
      "pause": {
        "waiting-for-invalid": "Choose what the case waits for (the customer or outside expertise)."
      },
      "http": {
        "bad-request": "The request is not valid; please check it and try again.",
        "unauthorized": "Please sign in first.",
        "forbidden": "Your role may not do this.",
        "not-found": "What you asked for does not exist.",
        "method-not-allowed": "This action is not supported.",
        "conflict": "The action conflicts with the current state; reload and try again.",
        "too-large": "What you sent is too large.",
        "unsupported-media-type": "The format of what you sent is not supported.",
        "too-many-requests": "Too many requests; please try again later.",
        "unavailable": "The service is unavailable right now; please try again later.",
        "server-error": "The server failed; please try again later."
      },
      "request": {
        "charset": "The character set of what you sent is not supported; send UTF-8.",
        "unreadable": "What you sent could not be read.",
        "cross-site": "A request from another site was refused."
      },
      "intake": {
        "message-refused": "The message breaks the intake rules and was refused."
      },
      "database": {
        "unavailable": "The database cannot be reached right now; please try again shortly."
      },
      "health": {
        "not-ready": "The hub cannot take a complaint right now."
      },
      "command": {
        "not-found": "What you acted on does not exist.",
        "conflict": "The case's current state does not allow this; reload to see it.",
        "invalid": "Something you entered is missing or not valid; please check."
      },
      "case": {
        "not-found": "This case does not exist.",
        "takeover-refused": "Another agent claimed this case; only a supervisor can take it over.",
        "class-invalid": "Choose a valid class.",
        "class-supervisor-only": "Only a supervisor can set a case's class.",
        "merge-target-required": "Give the number of the case to merge into.",
        "merge-target-not-found": "The case to merge into does not exist.",
        "complainant-invalid": "A complainant needs a name and a phone number or e-mail address."
      },
      "register": {
        "idempotency-key": "The request lacks its retry key; please try again.",
        "channel": "Choose a valid channel.",
        "text-required": "Write what happened.",
        "phone": "The phone number is not valid.",
        "email": "The e-mail address is not valid.",
        "category": "The chosen category is not configured.",
        "invalid": "The complaint is incomplete or too long; please check it.",
        "case-not-found": "The case to add to does not exist.",
        "case-not-open": "That case is no longer open; register a new case."
      },
      "query": {
        "status-invalid": "The status filter is not valid.",
        "channel-invalid": "The channel filter is not valid.",
        "class-invalid": "The class filter is not valid.",
        "limit-invalid": "The page size is out of range."
      },
      "events": {
        "cursor-invalid": "The live events' position is not valid; reload the page."
      },
      "queue": {
        "cursor-invalid": "The queue's page position is not valid; reload the page.",
        "assignee-invalid": "The queue's assignee filter is not valid; choose it again."
      },
      "owner": {
        "no-department": "Your account owns no department's complaints; ask an admin to set one.",
        "case-not-found": "This case does not exist or is not forwarded to your department."
      },
      "followup": {
        "answer-invalid": "Give a satisfaction (1 to 5) and say whether it was solved.",
        "link-unknown": "This follow-up link is not valid or has expired; please contact the service centre."
      },
      "status": {
        "withdraw-closed": "The complaint is already concluded and cannot be withdrawn.",
        "withdraw-reason": "Give a reason for withdrawing (1 to 1000 characters).",
        "missing": "Give the case number and the phone number or e-mail address on the case.",
        "rate-limited": "Too many codes were asked for; please try again in an hour.",
        "no-match": "No case with this number has this phone number or e-mail address.",
        "code-wrong": "The code is not right; please check it and try again.",
        "code-attempts": "Too many wrong codes: please ask for a new code.",
        "code-expired": "The code has expired or was used: please ask for a new code.",
        "info-length": "Write 1 to 4,000 characters.",
        "no-contact": "This case has no contact to add information as.",
        "session-over": "The session has ended: please ask for a new code."
      },
      "cases": {
        "not-found": "This case does not exist."
      },
      "contacts": {
        "query-length": "Type 2 to 200 characters of a phone, e-mail or identity.",
        "not-found": "This contact does not exist.",
        "link-not-found": "This link does not exist.",
        "link-undone": "This link was already undone.",
        "already-linked": "These contacts are already one person.",
        "link-reason": "Say why they are the same person.",
        "link-self": "A contact cannot be linked to itself."
      },
      "search": {
        "query-length": "The search words are too long or too short.",
        "status": "The status filter is not valid.",
        "channel": "The channel filter is not valid.",
        "class": "The class filter is not valid.",
        "date-range": "The end date is before the start date.",
        "sort": "The sort order is not valid.",
        "page-size": "The page size is out of range.",
        "page": "The page is out of range; narrow the search.",
        "no-department": "Your account owns no department's complaints; ask an admin to set one."
      },
      "auth": {
        "sign-in-refused": "Wrong username or password.",
        "locked-out": "Too many failed sign-ins; please try again later."
      },
      "setup": {
        "code-wrong": "The setup code is wrong; the server prints it at start-up.",
        "over": "An account exists already; set-up is over. Please sign in."
      },
      "account": {
        "not-found": "This user does not exist.",
        "department-invalid": "The chosen department does not exist.",
        "roles-invalid": "Choose at least one valid role.",
        "username-taken": "This username is taken.",
        "username-invalid": "A username is 1 to 100 characters without spaces.",
        "password-short": "The password is too short.",
        "self-disable": "You cannot switch off your own account."
      },
      "department": {
        "unknown": "The department does not exist.",
        "invalid": "Give a department code (1-50 characters) and name (1-200 characters).",
        "code-taken": "A department with this code exists."
      },
      "policy": {
        "preset-invalid": "The chosen policy preset does not exist.",
        "channel-invalid": "Choose a valid channel.",
        "received-at-invalid": "Choose a valid time of receipt."
      },
      "calendar": {
        "day-invalid": "Choose a valid date.",
        "name-invalid": "Give a name (1 to 100 characters).",
        "day-not-set": "The organisation has not set this day; there is nothing to undo."
      },
      "outbox": {
        "status-invalid": "The sending status filter is not valid."
      },
      "raw": {
        "disposition-invalid": "The disposition filter is not valid.",
        "reprocess-refused": "This channel's raw messages cannot be processed again."
      },
      "forum": {
        "source-not-found": "This forum source does not exist.",
        "source-busy": "This forum source is being read right now; try again in a moment."
      },
      "board": {
        "count-invalid": "The count must be 1 to 62.",
        "bucket-invalid": "Group by day, week or month.",
        "case-bucket-invalid": "The board has no such group of cases."
      },
      "report": {
        "range-invalid": "The report's period is not valid; check its start and end.",
        "not-found": "This report does not exist.",
        "format-invalid": "The report format must be a spreadsheet or a data file.",
        "range-future": "A report's period cannot start after today."
      },
      "unknown": "The action could not be completed ({code})."
    },
  },
};
