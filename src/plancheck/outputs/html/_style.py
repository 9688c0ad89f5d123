"""The report's stylesheet, inline: screen, narrow screens and print.

Only system fonts are named, so opening the file never fetches anything.
"""

from __future__ import annotations

STYLE = """
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--paper:#fff;--band:#f5f7fa;
--accent:#2f5d8a;--error:#b42318;--error-bg:#fdecea;--warning:#a15c07;--warning-bg:#fef4e6;
--info:#2f5d8a;--info-bg:#e8f0f8;--pass:#2e7d4f;--na:#bcccdc;--hit:#fff3b0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--band);color:var(--ink);line-height:1.55;
font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","WenQuanYi Micro Hei",sans-serif}
code,.excerpt{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK SC",
monospace;font-size:.86em}
main{max-width:1180px;margin:0 auto;padding:0 20px 48px}
header.top{background:var(--accent);color:#fff;padding:28px 20px 22px}
header.top>div{max-width:1180px;margin:0 auto}
header.top h1{margin:0;font-size:26px;font-weight:650;letter-spacing:.01em}
header.top p{margin:6px 0 0;opacity:.85}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 16px;margin:14px 0 0;padding:0;list-style:none}
nav.toc a{color:#fff;text-decoration:none;border-bottom:1px solid rgba(255,255,255,.45)}
section.plan>header{margin:28px 0 8px}
main>section.plan:first-child>section.part:first-child{margin-top:24px}
section.plan>header h2{font-size:24px;margin:0}
section.part{background:var(--paper);border:1px solid var(--line);border-radius:8px;
padding:18px 22px;margin:16px 0}
section.part>h3{margin:0 0 12px;font-size:19px;color:var(--accent)}
h3 code,h4 code{font-weight:600}
a{color:var(--accent)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 14px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(104px,1fr));gap:10px}
.stat{border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:var(--band)}
.stat b{display:block;font-size:24px;line-height:1.2}
.stat span{color:var(--muted);font-size:13px}
.stat.sev-error b{color:var(--error)}.stat.sev-warning b{color:var(--warning)}
.stat.sev-info b{color:var(--info)}.stat.pass b{color:var(--pass)}.stat.fail b{color:var(--error)}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;
line-height:20px;text-decoration:none;white-space:nowrap}
.badge.sev-error{background:var(--error-bg);color:var(--error)}
.badge.sev-warning{background:var(--warning-bg);color:var(--warning)}
.badge.sev-info{background:var(--info-bg);color:var(--info)}
.rule-group{margin:0 0 18px}
.rule-group>h3{font-size:16px;margin:18px 0 8px;padding-bottom:4px;
border-bottom:1px solid var(--line)}
.count{color:var(--muted);font-weight:400;font-size:13px;margin-left:4px}
.count::before{content:"× "}
.finding{border-left:4px solid var(--line);padding:8px 12px;margin:10px 0;background:var(--band);
border-radius:0 6px 6px 0;break-inside:avoid}
.finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}
.finding.sev-info{border-left-color:var(--info)}
.finding h4{margin:0;font-size:15px;font-weight:600}
.finding .key{color:var(--muted);font-weight:400}
.finding .message{margin:4px 0}
.finding .hint{margin:4px 0;color:var(--muted);font-size:14px}
.where{display:flex;flex-wrap:wrap;gap:0 8px;margin:4px 0;font-size:13px;color:var(--muted)}
.where dt::after{content:":"}.where dd{margin:0 12px 0 0}
table{border-collapse:collapse}
.excerpt{width:100%;margin:6px 0 2px;background:var(--paper);border:1px solid var(--line);
font-size:13px}
.excerpt th{color:var(--muted);font-weight:400;text-align:right;padding:2px 8px;vertical-align:top;
width:3.5em;border-right:1px solid var(--line);user-select:none}
.excerpt td{padding:2px 8px;white-space:pre-wrap;word-break:break-all;color:var(--muted)}
.excerpt tr.hit td{color:var(--ink)}
.excerpt tr.hit{background:#fffbe6}
mark{background:var(--hit);color:inherit;border-bottom:2px solid #e0b400;padding:0 1px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
figure{margin:0}figcaption{font-weight:600;margin:0 0 6px}
svg.chart{display:block;max-width:100%;height:auto}
svg .label{font-size:13px;fill:var(--ink)}
svg .note{font-size:12px;fill:var(--muted)}
svg .bar{fill:var(--accent)}svg .bar-marked{fill:var(--error)}
svg .plan-line{fill:none;stroke:var(--accent);stroke-width:2}
svg .schedule-line{fill:none;stroke:var(--muted);stroke-width:1.5;stroke-dasharray:4 3}
svg .pt{stroke:var(--accent);stroke-width:2;fill:var(--accent)}
svg .pt-baseline{fill:#fff}svg .pt-schedule{fill:#fff;stroke:var(--muted)}
svg .pt-actual{fill:var(--warning);stroke:var(--warning)}
svg .year{font-size:10px;fill:var(--muted);text-anchor:middle}
.totals,.coverage,.suppressed,.indicators{width:100%;font-size:14px;margin-top:14px}
.totals th,.totals td,.coverage th,.coverage td,.suppressed th,.suppressed td,
.indicators th,.indicators td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;
vertical-align:middle}
thead th{color:var(--muted);font-weight:600;font-size:13px;background:var(--band)}
.num{text-align:right!important;font-variant-numeric:tabular-nums;white-space:nowrap}
.totals tr.failing td{color:var(--error);font-weight:600}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.matrix{font-size:13px;border:1px solid var(--line)}
.matrix th,.matrix td{border:1px solid var(--line);padding:3px 5px}
.matrix thead th{text-align:center;white-space:nowrap}
.matrix thead th.item{font-weight:400;font-size:11px;min-width:28px}
.matrix tbody th{text-align:left;font-weight:400;min-width:210px}
.matrix td.hit{text-align:center;color:var(--accent);font-size:14px}
.matrix .unfunded{
background:repeating-linear-gradient(135deg,#fff,#fff 3px,#f1f4f8 3px,#f1f4f8 6px)}
.matrix th.unfunded{color:var(--muted)}
.matrix tr.untraced th,.matrix tr.untraced td{background:var(--error-bg)}
.matrix tr.untraced .pname{font-weight:600;color:var(--error)}
.flag{display:inline-block;font-size:11px;color:#fff;background:var(--error);border-radius:3px;
padding:0 5px;line-height:18px}
.lists{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px 24px}
.lists h4{margin:14px 0 4px;font-size:14px}.lists ul{margin:0;padding-left:20px}
ul.untraced li{color:var(--error)}
.indicators tr.worst-error th{color:var(--error)}
.indicators tr.worst-warning th{color:var(--warning)}
.indicators tr.worst-error th::before,.indicators tr.worst-warning th::before{
content:"▲ ";font-size:11px}
.indicators tr.child th{padding-left:26px;font-weight:400}
.indicators tbody th{font-weight:600;min-width:180px}
.type{font-size:12px;border-radius:3px;padding:1px 6px;white-space:nowrap}
.type-binding{background:var(--accent);color:#fff}.type-expected{background:var(--info-bg);color:var(--info)}
.type-unspecified{background:var(--warning-bg);color:var(--warning)}
.ok{color:var(--pass)}
.stack{display:flex;height:5px;margin-top:4px;border-radius:2px;overflow:hidden;max-width:260px}
.stack span{display:block}.stack .pass{background:var(--pass)}.stack .fail{background:var(--error)}
.stack .na{background:var(--na)}
.coverage tr.na td{color:var(--muted)}
.none,.note{color:var(--muted)}
.index{width:100%;font-size:14px}
.index td,.index th{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left}
footer{max-width:1180px;margin:0 auto;padding:12px 20px 32px;color:var(--muted);font-size:13px}
@media (max-width:640px){
body{font-size:14px}main{padding:0 10px 32px}header.top{padding:18px 12px}
header.top h1{font-size:20px}section.part{padding:12px;border-radius:6px}
.facts{grid-template-columns:1fr}.facts dd{margin-bottom:4px}
.stats{grid-template-columns:repeat(3,1fr)}.stat b{font-size:20px}
.charts{grid-template-columns:1fr}
.matrix tbody th{min-width:150px}
}
@media print{
@page{size:A4;margin:14mm 12mm}
body{background:#fff;font-size:11pt}
header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--accent);padding:0 0 8px}
nav.toc{display:none}
main{max-width:none;padding:0}
section.part{border:none;padding:0;margin:0;break-before:page}
section.plan{break-before:page}
section.plan:first-of-type{break-before:auto}
.scroll{overflow:visible}
.finding,.excerpt tr,figure,tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
}
"""
