// Strings of the Studio in English and Simplified Chinese. The language follows the browser
// (navigator.language) until the user picks one with the switch; the choice is remembered.
// Markup names its strings with data-i18n (text), data-i18n-label (aria-label) and
// data-i18n-placeholder; code asks t(key, vars).

const STRINGS = {
  en: {
    title: 'Cutroom Studio',
    language: 'Language',
    skip: 'Skip to the chat',
    settingUp: 'Setting up…',
    ready: 'Ready',
    offline: 'Cannot reach the server: {msg}',
    retry: 'Try again',
    credits: 'Credits',
    creditsLine: '{available} available · {frozen} frozen',
    creditsUnknown: '—',
    upload: 'Upload',
    dropHere: 'Drop videos, photos or music here',
    chooseFiles: 'Choose files…',
    fileInput: 'Files to upload',
    accepted: 'mp4, mov, avi, webm, mkv · jpg, png, gif, webp · mp3, wav, m4a, aac',
    uploading: 'Uploading {n} file(s): {pct}%',
    checking: 'Checking {n} file(s)…',
    uploaded: 'Uploaded {n} file(s).',
    uploadProgress: 'Upload progress',
    mediaBin: 'Media',
    binEmpty: 'Nothing uploaded yet.',
    kind_video: 'video', kind_image: 'image', kind_audio: 'audio',
    chat: 'Chat',
    chatLog: 'Conversation',
    chatHint: 'Ask for an edit, e.g. “combine these images into a 30-second video with background music and text overlays”.',
    message: 'Message',
    messagePlaceholder: 'Describe the edit… (Enter sends, Shift+Enter for a new line)',
    send: 'Send',
    you: 'You',
    assistant: 'Cutroom',
    working: 'Working…',
    stillWorking: '⏳ Still working…',
    turnProgress: 'Operation progress',
    tools: 'Operations',
    close: 'Close',
    toolRunning: 'running',
    toolDone: 'done',
    toolFailed: 'failed',
    noText: 'The turn ended without a reply; the state was read again: {summary}',
    streamCut: 'The connection ended before the turn finished; the work goes on and its results will appear in the session.',
    preview: 'Preview',
    previewPlayer: 'Preview player',
    previewEmpty: 'Upload media or ask for an edit: the preview of the draft plays here.',
    previewRendering: 'Rendering the preview of the draft…',
    previewReady: 'Preview of the current draft.',
    previewWaiting: 'The preview of the new draft is ready.',
    previewFailed: 'The preview could not be made: {msg}',
    playingClip: 'Playing {name}.',
    showDraft: 'Show the draft preview',
    scrub: 'Position in the draft',
    timeline: 'Timeline',
    timelineEmpty: 'The timeline is empty: upload media or ask the assistant.',
    trackType_0: 'Video', trackType_1: 'Audio', trackType_7: 'Text',
    summary: 'Summary',
    export: 'Export',
    exportButton: 'Export video',
    quality: 'Quality',
    q_high: 'High', q_medium: 'Medium', q_low: 'Low',
    exportProgress: 'Export progress',
    exportQueued: 'Export queued…',
    exportRendering: 'Rendering: {pct}%',
    exportDone: 'Export finished: {w}×{h}, {dur}, {size}.',
    exportFailed: 'Export failed: {msg}',
    exportNothing: 'Nothing to export yet: upload media or ask the assistant first.',
    timelineFormat: 'NLE timeline',
    exportTimeline: 'Export timeline',
    timelineDone: 'Timeline saved as {name}.',
    timelineFailed: 'Timeline export failed: {msg}',
    download: 'Download',
    downloadExport: 'Download the video',
    generated: 'Generated media',
    generatedEmpty: 'Frames, clips and files made in the chat appear here.',
    play: 'Play in preview',
    open: 'Open',
    op_extract_frames: 'Frames', op_thumbnail: 'Cover image', op_contact_sheet: 'Contact sheet', op_probe: 'Metadata',
    op_summarize: 'Summary', op_highlights: 'Highlights', op_trim: 'Trimmed clip', op_convert: 'Converted video',
    op_animate_image: 'Image to video', op_create_video: 'Video', op_export: 'Export',
    err_400: 'The page sent a bad client id; reload the page.',
    err_402: 'Export was refused for this plan: register or upgrade.',
    err_429: 'Too many requests: wait {seconds} s and try again.',
    err_1001: 'Your access expired; a new one was requested. Try again.',
    err_1002: 'The session was not found; a new session was started.',
    err_2001: 'You are out of credits.',
    err_2001_link: 'Register to get more credits',
    err_4000: 'The request was not accepted: {details}',
    err_4001: 'This file type is not supported. Accepted formats: {accepted}.',
    err_4002: 'The file is too large (limit {limit} per file): compress or trim it, then upload again.',
    err_4004: 'That item was not found; reload the page.',
    err_4009: 'That export id was already used; export again.',
    err_5000: 'Something went wrong on the server (request id {id}); try again later.',
    err_net: 'Network error: check the connection and try again.',
    refused: 'Refused: {list}',
  },
  zh: {
    title: 'Cutroom 工作室',
    language: '语言',
    skip: '跳到对话',
    settingUp: '正在准备…',
    ready: '就绪',
    offline: '无法连接服务器：{msg}',
    retry: '重试',
    credits: '积分',
    creditsLine: '可用 {available} · 冻结 {frozen}',
    creditsUnknown: '—',
    upload: '上传',
    dropHere: '把视频、图片或音乐拖到这里',
    chooseFiles: '选择文件…',
    fileInput: '要上传的文件',
    accepted: 'mp4、mov、avi、webm、mkv · jpg、png、gif、webp · mp3、wav、m4a、aac',
    uploading: '正在上传 {n} 个文件：{pct}%',
    checking: '正在检查 {n} 个文件…',
    uploaded: '已上传 {n} 个文件。',
    uploadProgress: '上传进度',
    mediaBin: '素材',
    binEmpty: '还没有上传素材。',
    kind_video: '视频', kind_image: '图片', kind_audio: '音频',
    chat: '对话',
    chatLog: '对话记录',
    chatHint: '说出想要的剪辑，例如“把这些图片做成30秒的视频，加背景音乐和文字”。',
    message: '消息',
    messagePlaceholder: '描述你想要的剪辑…（Enter 发送，Shift+Enter 换行）',
    send: '发送',
    you: '你',
    assistant: 'Cutroom',
    working: '处理中…',
    stillWorking: '⏳ 仍在处理…',
    turnProgress: '操作进度',
    tools: '操作',
    close: '关闭',
    toolRunning: '进行中',
    toolDone: '完成',
    toolFailed: '失败',
    noText: '本轮没有文字回复，已重新读取状态：{summary}',
    streamCut: '连接在本轮结束前断开；处理会继续，结果会出现在会话中。',
    preview: '预览',
    previewPlayer: '预览播放器',
    previewEmpty: '上传素材或提出剪辑要求后，草稿的预览会在这里播放。',
    previewRendering: '正在渲染草稿预览…',
    previewReady: '当前草稿的预览。',
    previewWaiting: '新草稿的预览已就绪。',
    previewFailed: '无法生成预览：{msg}',
    playingClip: '正在播放：{name}',
    showDraft: '显示草稿预览',
    scrub: '草稿中的位置',
    timeline: '时间线',
    timelineEmpty: '时间线是空的：请上传素材或告诉助手要做什么。',
    trackType_0: '视频', trackType_1: '音频', trackType_7: '文字',
    summary: '摘要',
    export: '导出',
    exportButton: '导出视频',
    quality: '画质',
    q_high: '高', q_medium: '中', q_low: '低',
    exportProgress: '导出进度',
    exportQueued: '导出已排队…',
    exportRendering: '渲染中：{pct}%',
    exportDone: '导出完成：{w}×{h}，{dur}，{size}。',
    exportFailed: '导出失败：{msg}',
    exportNothing: '还没有可导出的内容：请先上传素材或告诉助手要做什么。',
    timelineFormat: '剪辑软件时间线',
    exportTimeline: '导出时间线',
    timelineDone: '时间线已保存为 {name}。',
    timelineFailed: '时间线导出失败：{msg}',
    download: '下载',
    downloadExport: '下载视频',
    generated: '生成的文件',
    generatedEmpty: '对话中生成的帧、片段和文件会显示在这里。',
    play: '在预览中播放',
    open: '打开',
    op_extract_frames: '视频帧', op_thumbnail: '封面图', op_contact_sheet: '缩略图总览', op_probe: '视频信息',
    op_summarize: '摘要', op_highlights: '精彩片段', op_trim: '剪辑片段', op_convert: '转换后的视频',
    op_animate_image: '图片转视频', op_create_video: '视频', op_export: '导出',
    err_400: '页面发送的客户端 ID 无效，请刷新页面。',
    err_402: '当前套餐不能导出：请注册或升级。',
    err_429: '请求太频繁：请等待 {seconds} 秒后再试。',
    err_1001: '访问已过期，已重新获取，请再试一次。',
    err_1002: '找不到会话，已新建一个会话。',
    err_2001: '积分不足。',
    err_2001_link: '注册以获得更多积分',
    err_4000: '请求未被接受：{details}',
    err_4001: '不支持这种文件类型。支持的格式：{accepted}。',
    err_4002: '文件太大（每个文件上限 {limit}）：请压缩或剪短后再上传。',
    err_4004: '找不到该项目，请刷新页面。',
    err_4009: '该导出 ID 已被使用，请重新导出。',
    err_5000: '服务器出错（请求 ID {id}），请稍后再试。',
    err_net: '网络错误：请检查连接后重试。',
    refused: '被拒绝：{list}',
  },
};

const STORE_KEY = 'cutroom.lang';
const listeners = [];
let current = pick();

function pick() {
  const saved = localStorage.getItem(STORE_KEY);
  if (saved && STRINGS[saved]) return saved;
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  return String(langs[0]).toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The current language: 'en' or 'zh'. */
export function lang() { return current; }

/** The BCP 47 tag of the current language (for the session and the html element). */
export function langTag() { return current === 'zh' ? 'zh-CN' : 'en'; }

/** A string with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** Switches the language, remembers it, re-labels the page and tells the listeners. */
export function setLang(value) {
  if (!STRINGS[value]) return;
  current = value;
  localStorage.setItem(STORE_KEY, value);
  apply();
  for (const fn of listeners) fn(value);
}

/** Calls fn after every language change. */
export function onLangChange(fn) { listeners.push(fn); }

/** Applies the current language to every data-i18n* element under root. */
export function apply(root = document) {
  document.documentElement.lang = langTag();
  document.title = t('title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
}
