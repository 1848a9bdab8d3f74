<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
    <context>
        <name>ABPage</name>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="144" />
            <source>Compare</source>
            <translation>比較</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="147" />
            <source>Train both (BatchNorm / InstanceNorm)…</source>
            <translation>兩種都訓練（BatchNorm／InstanceNorm）…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="151" />
            <source>Queue two runs with the Train page's settings that differ only in normalization (same seed and data), then compare them.</source>
            <translation>依「訓練」頁的設定排入兩次訓練，兩者只差在正規化方式（隨機種子與資料相同），完成後加以比較。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="157" />
            <source>A:</source>
            <translation>A：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="159" />
            <source>B:</source>
            <translation>B：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="170" />
            <location filename="../../fontassist/app/compare/abpage.py" line="651" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="130" />
            <location filename="../../fontassist/app/compare/abpage.py" line="188" />
            <location filename="../../fontassist/app/compare/abpage.py" line="262" />
            <location filename="../../fontassist/app/compare/abpage.py" line="565" />
            <location filename="../../fontassist/app/compare/abpage.py" line="574" />
            <source>A</source>
            <translation>A</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="131" />
            <location filename="../../fontassist/app/compare/abpage.py" line="189" />
            <location filename="../../fontassist/app/compare/abpage.py" line="262" />
            <location filename="../../fontassist/app/compare/abpage.py" line="574" />
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="190" />
            <source>Source as is (baseline)</source>
            <translation>來源原樣（基準）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="191" />
            <source>Better</source>
            <translation>較佳</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="192" />
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="210" />
            <source>Flip A/B in place</source>
            <translation>原地切換 A／B</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="212" />
            <source>Alternate the A grid between A and B to see where they differ</source>
            <translation>讓 A 的格狀檢視在 A 與 B 之間交替顯示，看出兩者的差異</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="129" />
            <source>Source</source>
            <translation>來源</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="132" />
            <source>Target</source>
            <translation>目標</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="245" />
            <source>Order: where A and B differ most in</source>
            <translation>排序：A 與 B 差異最大的指標</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="262" />
            <source>Glyph</source>
            <translation>字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="262" />
            <source>Baseline</source>
            <translation>基準</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="262" />
            <source>|A − B|</source>
            <translation>|A − B|</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="293" />
            <source>Use A for generation</source>
            <translation>以 A 產生字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="295" />
            <source>Use B for generation</source>
            <translation>以 B 產生字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="376" />
            <source>Choose two checkpoints or runs to compare.</source>
            <translation>請選擇兩個要比較的檢查點或訓練。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="391" />
            <source>Comparing cancelled.</source>
            <translation>已取消比較。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="393" />
            <source>Scoring A and B on their shared validation glyphs…</source>
            <translation>正在以共同的驗證字符替 A 和 B 評分…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="396" />
            <source>%v of %m models scored</source>
            <translation>已評分 %v / %m 個模型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="398" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="419" />
            <source>{0} shared validation glyphs. A: {1} (step {2}, {3}) · B: {4} (step {5}, {6}).</source>
            <translation>共同驗證字符 {0} 個。A：{1}（第 {2} 步，{3}）· B：{4}（第 {5} 步，{6}）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="437" />
            <source>Comparing failed</source>
            <translation>比較失敗</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="463" />
            <source>tie</source>
            <translation>平手</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="558" />
            <source>showing A</source>
            <translation>顯示 A</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="575" />
            <source>showing {0}</source>
            <translation>顯示 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="576" />
            <source>{0} (flipping)</source>
            <translation>{0}（切換中）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="596" />
            <source>Glyphs are drawn with {0} ({1}).</source>
            <translation>字符以 {0}（{1}）產生。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="600" />
            <source>Glyphs are drawn with {0}.</source>
            <translation>字符以 {0} 產生。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="618" />
            <source>Choose the fonts and characters first.</source>
            <translation>請先選擇字型與要產生的字。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="653" />
            <source>Preparing run A…</source>
            <translation>正在準備訓練 A…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="667" />
            <source>Training {0} ({1} of 2) in {2}…</source>
            <translation>正在訓練 {0}（第 {1}／2 次），存於 {2}…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="673" />
            <source>run {0}: step %v of %m</source>
            <translation>訓練 {0}：第 %v／%m 步</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="688" />
            <source>Both runs finished. Comparing them…</source>
            <translation>兩次訓練都已完成，正在比較…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="697" />
            <source>Train both stopped ({0}).</source>
            <translation>「兩種都訓練」已停止（{0}）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="703" />
            <source>Stopping: the run in progress saves a checkpoint…</source>
            <translation>正在停止：進行中的訓練正在儲存檢查點…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="718" />
            <source>Train both: run {0} of 2</source>
            <translation>兩種都訓練：第 {0} 次（共 2 次）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/compare/abpage.py" line="726" />
            <source>Comparing A and B</source>
            <translation>正在比較 A 與 B</translation>
        </message>
        <message>
            <source>baseline</source>
            <translation>基準</translation>
        </message>
    </context>
    <context>
        <name>ActivityIndicator</name>
        <message>
            <location filename="../../fontassist/app/common/activity.py" line="77" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/activity.py" line="106" />
            <source>about {0} left</source>
            <translation>約剩 {0}</translation>
        </message>
    </context>
    <context>
        <name>CharactersPage</name>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="81" />
            <source>What the target lacks in:</source>
            <translation>目標字型在此字集中缺少的字：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="82" />
            <source>Everything the source has that the target lacks</source>
            <translation>來源字型有、目標字型沒有的所有字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="83" />
            <source>Custom text:</source>
            <translation>自訂文字：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="84" />
            <source>Characters from a text file:</source>
            <translation>文字檔中的字：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="96" />
            <source>Type or paste the characters to generate</source>
            <translation>輸入或貼上要產生的字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="100" />
            <source>A UTF-8 text file, any layout</source>
            <translation>UTF-8 文字檔，排列方式不拘</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="101" />
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="104" />
            <source>What to generate</source>
            <translation>要產生的字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="121" />
            <source>Automatic</source>
            <translation>自動</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="124" />
            <source>The set chosen above; for other choices every Han character both fonts have.</source>
            <translation>上面選定的字集；選其他項目時，則使用兩套字型都有的所有漢字。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="128" />
            <source>Shared characters of {0}</source>
            <translation>{0}中兩套字型都有的字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="129" />
            <source>Every Han character both fonts have</source>
            <translation>兩套字型都有的所有漢字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="133" />
            <source>What the model learns from</source>
            <translation>模型的學習素材</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="139" />
            <source>Pairs of glyphs both fonts have; a part is held out to measure progress. Automatic: the set chosen above, otherwise every Han character both fonts have.</source>
            <translation>兩套字型都有的字符配對；其中一部分保留下來衡量訓練進度。自動：使用上面選定的字集，否則使用兩套字型都有的所有漢字。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="151" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="161" />
            <source>Training pool:</source>
            <translation>訓練用字：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="162" />
            <source>Held out for validation:</source>
            <translation>保留作驗證：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="163" />
            <source>Will be generated:</source>
            <translation>將產生：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="175" />
            <source>Cell size</source>
            <translation>格子大小</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="186" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="62" />
            <source>Next: train →</source>
            <translation>下一步：訓練 →</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="68" />
            <source>2 · Characters</source>
            <translation>2 · 選字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="273" />
            <source>Choose a character list</source>
            <translation>選擇字表</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="297" />
            <source>Choose a source and a target font first</source>
            <translation>請先選擇來源字型和目標字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="301" />
            <source>every Han character</source>
            <translation>所有漢字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="303" />
            <source>{0} characters both fonts have ({1})</source>
            <translation>兩套字型都有的 {0} 個字（{1}）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="306" />
            <source>{0} (trained on {1})</source>
            <translation>{0}（另 {1} 個用於訓練）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="314" />
            <source>{0} are already in the target and are skipped: {1}</source>
            <translation>{0} 個字目標字型已經有了，將略過：{1}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="320" />
            <source>{0} are in neither font and cannot be generated: {1}</source>
            <translation>{0} 個字兩套字型都沒有，無法產生：{1}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="327" />
            <source>Nothing to generate: the target already has every character of this choice that the source has.</source>
            <translation>沒有要產生的字：這個選項中來源字型有的字，目標字型全都有了。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/characterspage.py" line="332" />
            <source>To generate: {0} (source glyphs)</source>
            <translation>要產生：{0}（顯示來源字型的字符）</translation>
        </message>
        <message>
            <source>Text files</source>
            <translation>文字檔</translation>
        </message>
        <message>
            <source>All files</source>
            <translation>所有檔案</translation>
        </message>
    </context>
    <context>
        <name>Charsets</name>
        <message>
            <location filename="../../fontassist/app/characters/charsetnames.py" line="10" />
            <source>Taiwan common characters (4,808)</source>
            <translation>臺灣常用國字（4,808 字）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/charsetnames.py" line="11" />
            <source>Big5 (13,060)</source>
            <translation>Big5（13,060 字）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/charsetnames.py" line="12" />
            <source>Big5 level 1 (5,401)</source>
            <translation>Big5 常用字（5,401 字）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/charsetnames.py" line="13" />
            <source>JIS X 0208 kanji (6,355)</source>
            <translation>JIS X 0208 漢字（6,355 字）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/characters/charsetnames.py" line="14" />
            <source>GB 2312 hanzi (6,763)</source>
            <translation>GB 2312 漢字（6,763 字）</translation>
        </message>
    </context>
    <context>
        <name>CheckpointList</name>
        <message>
            <source>newest</source>
            <translation>最新</translation>
        </message>
        <message>
            <source>Demo model (Zen Maru Gothic style, bundled)</source>
            <translation>示範模型（Zen Maru Gothic 風格，內附）</translation>
        </message>
        <message>
            <source>best</source>
            <translation>最佳</translation>
        </message>
    </context>
    <context>
        <name>CheckpointPicker</name>
        <message>
            <location filename="../../fontassist/app/common/checkpointpicker.py" line="41" />
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/checkpointpicker.py" line="42" />
            <source>Choose a checkpoint file (.pt) of any run</source>
            <translation>選擇任一次訓練的檢查點檔（.pt）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/checkpointpicker.py" line="88" />
            <source>Choose a checkpoint</source>
            <translation>選擇檢查點</translation>
        </message>
        <message>
            <source>fontassist checkpoints</source>
            <translation>fontassist 檢查點</translation>
        </message>
        <message>
            <source>All files</source>
            <translation>所有檔案</translation>
        </message>
    </context>
    <context>
        <name>ContinueRunDialog</name>
        <message>
            <location filename="../../fontassist/app/train/continuerun.py" line="49" />
            <source>Continue a run</source>
            <translation>繼續訓練</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/continuerun.py" line="54" />
            <source>&lt;b&gt;{0}&lt;/b&gt; has trained {1:,} of its {2:,} steps. It goes on with its own settings (below); only its length can change.</source>
            <translation>&lt;b&gt;{0}&lt;/b&gt; 已訓練 {1:,} / {2:,} 步。它會沿用自己的設定（如下）繼續；只能改變長度。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/continuerun.py" line="61" />
            <source>The run's settings</source>
            <translation>這次訓練的設定</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/continuerun.py" line="71" />
            <source>New total steps:</source>
            <translation>新的總步數：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/continuerun.py" line="72" />
            <source>More than {0:,}: the steps already trained count.</source>
            <translation>須多於 {0:,}：已訓練的步數也算在內。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/continuerun.py" line="76" />
            <source>Continue training</source>
            <translation>繼續訓練</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>fontassist</source>
            <translation>fontassist</translation>
        </message>
        <message>
            <source>Something went wrong inside fontassist. This is a bug, not something you did.</source>
            <translation>fontassist 內部發生錯誤。這是程式的問題，不是你的操作造成的。</translation>
        </message>
        <message>
            <source>The details are also in the log file:</source>
            <translation>詳細資訊也記錄在記錄檔中：</translation>
        </message>
    </context>
    <context>
        <name>ExportPage</name>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="132" />
            <source>Merge into a copy of the target font</source>
            <translation>合併到目標字型的複本</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="134" />
            <source>A new font with only the generated glyphs</source>
            <translation>只含生成字符的新字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="152" />
            <location filename="../../fontassist/app/export/exportpage.py" line="274" />
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="165" />
            <source>Font</source>
            <translation>字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="167" />
            <source>Family name:</source>
            <translation>字族名稱：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="168" />
            <source>Style name:</source>
            <translation>樣式名稱：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="170" />
            <source>Mode:</source>
            <translation>模式：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="173" />
            <source>Output file:</source>
            <translation>輸出檔案：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="174" />
            <source>Glyphs:</source>
            <translation>字符：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="186" />
            <source>Ink specks and pinholes smaller than this are dropped</source>
            <translation>小於此大小的墨點與針孔會被移除</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="194" />
            <source>How far outlines may stray from the raster's edge: higher gives fewer points</source>
            <translation>外框可偏離點陣邊緣的程度：數值越高，點越少</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="201" />
            <source>Straighten horizontal and vertical strokes</source>
            <translation>拉直橫豎筆畫</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="202" />
            <source>Merge colinear segments</source>
            <translation>合併共線線段</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="203" />
            <source>Clean contours (specks, overlaps)</source>
            <translation>清理輪廓（雜點、重疊）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="204" />
            <source>Keep ink inside the target's ideographic box</source>
            <translation>墨跡保持在目標字型的漢字框內</translation>
        </message>
        <message>
            <source>Even out stroke width (partly checked: when the target is monoline)</source>
            <translation type="vanished">均勻筆畫粗細（半勾選：目標字型粗細一致時）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="228" />
            <source>The glyph the trace preview shows (the one selected on the Review page)</source>
            <translation>描圖預覽顯示的字符（即「審閱」頁選取的字符）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="231" />
            <source>Tracing</source>
            <translation>描圖</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="233" />
            <source>Speck size:</source>
            <translation>墨點大小：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="234" />
            <source>Curve tolerance:</source>
            <translation>曲線容許誤差：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="237" />
            <source>Preview glyph:</source>
            <translation>預覽字符：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="242" />
            <location filename="../../fontassist/app/export/exportpage.py" line="459" />
            <source>Export font</source>
            <translation>匯出字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="247" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="260" />
            <source>Open folder</source>
            <translation>開啟資料夾</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="270" />
            <source>PNG rasters</source>
            <translation>PNG 點陣圖</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="271" />
            <source>SVG outlines</source>
            <translation>SVG 外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="276" />
            <source>Export glyph files</source>
            <translation>匯出字符檔</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="282" />
            <source>Glyph files (same glyphs, one file each, named U+XXXX)</source>
            <translation>字符檔（相同的字符，每個字符一個檔案，以 U+XXXX 命名）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="172" />
            <location filename="../../fontassist/app/export/exportpage.py" line="284" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="142" />
            <source>TrueType font (.ttf)</source>
            <translation>TrueType 字型 (.ttf)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="143" />
            <source>UFO for your font editor (.ufo)</source>
            <translation>給字型編輯器的 UFO (.ufo)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="146" />
            <source>A UFO marks each glyph with its review state (accepted green, undecided blue, flagged orange, edited purple) and holds the source glyph as its background layer</source>
            <translation>UFO 以顏色標記每個字符的審閱狀態（接受為綠、未決為藍、有疑慮為橘、手動修改為紫），並把來源字符放在背景圖層</translation>
        </message>
        <message>
            <source>Even out stroke width (experimental)</source>
            <translation type="vanished">均勻筆畫粗細（實驗性）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="285" />
            <source>Folder:</source>
            <translation>資料夾：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="291" />
            <source>Trace preview</source>
            <translation>描圖預覽</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="293" />
            <location filename="../../fontassist/app/export/exportpage.py" line="605" />
            <source>Generate glyphs on the Review page to preview their outlines.</source>
            <translation>請在「審閱」頁產生字符，即可預覽外框。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="301" />
            <source>Before cleaning</source>
            <translation>清理前</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="302" />
            <source>After cleaning (what is exported)</source>
            <translation>清理後（匯出的樣子）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="321" />
            <source>Text preview</source>
            <translation>文字預覽</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="116" />
            <source>5 · Export</source>
            <translation>5 · 匯出</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="206" />
            <source>Even out stroke width (on by default for a near-monoline target)</source>
            <translation>均勻筆畫粗細（目標字型粗細接近一致時預設開啟）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="459" />
            <source>Export UFO</source>
            <translation>匯出 UFO</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="490" />
            <source>UFO fonts</source>
            <translation>UFO 字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="492" />
            <source>Export the font as</source>
            <translation>將字型匯出為</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="504" />
            <source>Folder for the glyph files</source>
            <translation>字符檔的資料夾</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="530" />
            <source>Accepted only</source>
            <translation>僅已採用</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="531" />
            <source>All not rejected</source>
            <translation>所有未退回</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="535" />
            <source>Accepted only ({0:,})</source>
            <translation>僅已採用（{0:,}）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="537" />
            <source>All not rejected ({0:,})</source>
            <translation>所有未退回（{0:,}）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="607" />
            <source>{0} is not among the generated glyphs.</source>
            <translation>{0} 不在生成的字符中。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="607" />
            <source>No glyph</source>
            <translation>無字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="616" />
            <source>Trace preview: {0}  U+{1:04X}</source>
            <translation>描圖預覽：{0}  U+{1:04X}</translation>
        </message>
        <message>
            <source>{0} contours · {1} on-curve points (■) · {2} off-curve points (○)</source>
            <translation type="vanished">{0} 個輪廓 · {1} 個線上點（■）· {2} 個控制點（○）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="634" />
            <source>{0} contours · {1} on-curve points (■) · {2} off-curve points (○); before cleaning {3} · {4} · {5}</source>
            <translation>{0} 個輪廓 · {1} 個線上點（■）· {2} 個控制點（○）；清理前 {3} · {4} · {5}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="665" />
            <source>Exporting</source>
            <translation>正在匯出</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="680" />
            <source>Generate the glyphs on the Review page first.</source>
            <translation>請先在「審閱」頁產生字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="686" />
            <source>No glyph is accepted yet. Accept glyphs on the Review page, or export all that are not rejected.</source>
            <translation>尚未採用任何字符。請在「審閱」頁採用字符，或匯出所有未退回的字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="691" />
            <source>Give the new font a family name.</source>
            <translation>請輸入新字型的字族名稱。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="707" />
            <source>Replace the file?</source>
            <translation>要取代檔案嗎？</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="708" />
            <source>{0} exists. Replace it?</source>
            <translation>{0} 已存在，要取代嗎？</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="733" />
            <source>Exporting {0} glyphs…</source>
            <translation>正在匯出 {0} 個字符…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="747" />
            <source>There are no glyphs to export: generate and accept some on the Review page.</source>
            <translation>沒有可匯出的字符：請先在「審閱」頁產生並採用字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="761" />
            <source>Writing glyph files…</source>
            <translation>正在寫入字符檔…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="787" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="801" />
            <source>not validated</source>
            <translation>未驗證</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="803" />
            <source>&lt;b&gt;passed&lt;/b&gt; (fontTools reload and OpenType Sanitizer)</source>
            <translation>&lt;b&gt;通過&lt;/b&gt;（fontTools 重新載入與 OpenType Sanitizer）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="805" />
            <source>&lt;b&gt;failed&lt;/b&gt;: {0}</source>
            <translation>&lt;b&gt;未通過&lt;/b&gt;：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="807" />
            <source>merged into a copy of the target</source>
            <translation>合併到目標字型的複本</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="809" />
            <source>in a new font</source>
            <translation>寫入新字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="812" />
            <source>Wrote &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1:,} new glyphs {2}, {3:,} glyphs in all, {4}.&lt;br&gt;Validation: {5}.</source>
            <translation>已寫出 &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;新增 {1:,} 個字符（{2}），共 {3:,} 個字符，{4}。&lt;br&gt;驗證：{5}。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="822" />
            <location filename="../../fontassist/app/export/exportpage.py" line="994" />
            <source>Warning: {0}</source>
            <translation>警告：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="835" />
            <source>Wrote {0:,} {1} files into &lt;b&gt;{2}&lt;/b&gt;.</source>
            <translation>已將 {0:,} 個 {1} 檔寫入 &lt;b&gt;{2}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="841" />
            <source>Export failed</source>
            <translation>匯出失敗</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="846" />
            <source>Export cancelled; no font file was written.</source>
            <translation>已取消匯出；沒有寫出任何字型檔。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="848" />
            <source>Export cancelled; the glyph files written so far are kept.</source>
            <translation>已取消匯出；已寫出的字符檔會保留。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="868" />
            <source>Your font editor</source>
            <translation>你的字型編輯器</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="869" />
            <source>Take edits from the editor…</source>
            <translation>從編輯器取回修改…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="873" />
            <source>Read a UFO exported here and fixed in Glyphs, RoboFont, FontForge or Fontra: changed glyphs come back as edited by hand (exported as drawn, never regenerated), new ones are taken too</source>
            <translation>讀取在此匯出、並在 Glyphs、RoboFont、FontForge 或 Fontra 中修改過的 UFO：改過的字符以「手動修改」取回（依原樣匯出，不再重新生成），新畫的字符也一併取回</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="879" />
            <source>Add the hand-fixed glyphs to the next run's training pairs</source>
            <translation>把手動修正的字符加入下一次訓練的字符對</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="929" />
            <source>{0} changed in your editor. Click “Take edits from the editor…” to take them.</source>
            <translation>{0} 已在編輯器中變更。按「從編輯器取回修改…」即可取回。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="941" />
            <source>The UFO you edited</source>
            <translation>你修改過的 UFO</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="951" />
            <source>Reading the edited UFO…</source>
            <translation>正在讀取修改過的 UFO…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="958" />
            <source>Took the edits from {0}: {1}.</source>
            <translation>已從 {0} 取回修改：{1}。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="960" />
            <source>{0} holds no new edits.</source>
            <translation>{0} 沒有新的修改。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="989" />
            <source>Wrote &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1:,} new glyphs, {2:,} glyphs in all; read back with validation.&lt;br&gt;Marks: accepted green, undecided blue, flagged orange, edited purple; the source glyph is in the background layer. Fix the glyphs in your editor, then take the edits.</source>
            <translation>已寫入 &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;新增 {1:,} 個字符，共 {2:,} 個字符；已重新讀取並驗證。&lt;br&gt;標記：接受為綠、未決為藍、有疑慮為橘、手動修改為紫；來源字符在背景圖層。請在編輯器中修正字符，再取回修改。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/exportpage.py" line="490" />
            <source>TrueType fonts</source>
            <translation>TrueType 字型</translation>
        </message>
    </context>
    <context>
        <name>FontPanel</name>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="53" />
            <source>Open font file…</source>
            <translation>開啟字型檔…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="54" />
            <source>Installed fonts…</source>
            <translation>已安裝的字型…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="55" />
            <source>UFO…</source>
            <translation>UFO…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="56" />
            <source>A UFO folder: a font still being drawn in your editor</source>
            <translation>UFO 資料夾：仍在編輯器中繪製的字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="101" />
            <source>No font chosen</source>
            <translation>尚未選擇字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="102" />
            <source>Open a font file, drop one here, or pick an installed font.</source>
            <translation>開啟字型檔、拖放到這裡，或選擇已安裝的字型。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="110" />
            <source>TrueType outlines</source>
            <translation>TrueType 外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="111" />
            <source>PostScript (CFF) outlines</source>
            <translation>PostScript（CFF）外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="112" />
            <source>CFF2 outlines</source>
            <translation>CFF2 外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="113" />
            <source>UFO (a font being drawn)</source>
            <translation>UFO（繪製中的字型）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="116" />
            <source>{0} glyphs</source>
            <translation>{0} 個字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="117" />
            <source>{0} characters</source>
            <translation>{0} 個字元</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="118" />
            <source>{0} units per em</source>
            <translation>每 em {0} 單位</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="122" />
            <source>variable font (default instance)</source>
            <translation>可變字型（預設實體）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="124" />
            <source>(face {0})</source>
            <translation>（第 {0} 套）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="23" />
            <source>Font files</source>
            <translation>字型檔</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspanel.py" line="24" />
            <source>All files</source>
            <translation>所有檔案</translation>
        </message>
    </context>
    <context>
        <name>FontsPage</name>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="51" />
            <source>Source font</source>
            <translation>來源字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="53" />
            <source>Has the characters you need, in a plain style close in structure to the target (e.g. Noto Sans TC). Open a file, pick an installed font or drop a font file here.</source>
            <translation>具備你需要的字，風格樸素、字形結構接近目標字型（例如 Noto Sans TC）。開啟檔案、選擇已安裝的字型，或把字型檔拖放到這裡。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="59" />
            <source>Target font</source>
            <translation>目標字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="61" />
            <source>The style you want; fontassist learns it from the characters both fonts share (e.g. Zen Maru Gothic). Open a file, pick an installed font or drop a font file here.</source>
            <translation>你想要的風格；fontassist 會從兩套字型共有的字學習這個風格（例如 Zen Maru Gothic）。開啟檔案、選擇已安裝的字型，或把字型檔拖放到這裡。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="78" />
            <source>Character set</source>
            <translation>字集</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="79" />
            <source>Source has</source>
            <translation>來源有</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="80" />
            <source>Target has</source>
            <translation>目標有</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="81" />
            <source>Both have
(learn from)</source>
            <translation>兩者都有
（學習用）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="82" />
            <source>Target lacks
(can generate)</source>
            <translation>目標缺少
（可產生）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="95" />
            <source>Next: choose the characters →</source>
            <translation>下一步：選字 →</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="105" />
            <source>1 · Fonts</source>
            <translation>1 · 字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="108" />
            <source>Coverage of the pair</source>
            <translation>兩套字型的涵蓋範圍</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="124" />
            <source>Choose the {0} font</source>
            <translation>選擇{0}字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="135" />
            <source>Choose the {0} UFO (a folder ending in .ufo)</source>
            <translation>選擇{0} UFO（名稱以 .ufo 結尾的資料夾）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="143" />
            <source>Installed fonts: choose the {0} font</source>
            <translation>已安裝的字型：選擇{0}字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="184" />
            <source>Choose a face</source>
            <translation>選擇字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="185" />
            <source>{0} holds {1} fonts. Which one?</source>
            <translation>{0} 內含 {1} 套字型，要使用哪一套？</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="193" />
            <source>source</source>
            <translation>來源</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="193" />
            <source>target</source>
            <translation>目標</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="231" />
            <source>All characters of either font</source>
            <translation>任一字型中的所有字元</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="256" />
            <source>{0:,} ideograph pairs to learn from: enough for a good model.</source>
            <translation>有 {0:,} 組漢字字符對可供學習：足以訓練出好的模型。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/fontspage.py" line="259" />
            <source>Only {0:,} ideograph pairs to learn from. With under {1:,} the model learns the broad style (weight, stroke ends, proportions) but draws complex characters roughly: train a small model (64 px) with augmentation (shift and scale) and fewer steps, and expect to fix more glyphs by hand. Each glyph you draw adds a pair.</source>
            <translation>只有 {0:,} 組漢字字符對可供學習。少於 {1:,} 組時，模型能學到整體風格（粗細、筆畫收尾、比例），但複雜的字會畫得較粗糙：請用小模型（64 px）、資料增強（平移與縮放）與較少步數訓練，並預期要手動修正較多字符。每畫一個字就多一組字符對。</translation>
        </message>
        <message>
            <source>Font files</source>
            <translation type="vanished">字型檔</translation>
        </message>
        <message>
            <source>All files</source>
            <translation type="vanished">所有檔案</translation>
        </message>
    </context>
    <context>
        <name>GlyphDetail</name>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="74" />
            <source>Source</source>
            <translation>來源</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="75" />
            <source>Generated</source>
            <translation>生成結果</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="76" />
            <source>Traced outline</source>
            <translation>描出的外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="77" />
            <location filename="../../fontassist/app/review/reviewdetail.py" line="154" />
            <source>Target's own glyph</source>
            <translation>目標字型原有的字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="94" />
            <source>The glyph is set where * (or ＊) stands, between the target font's own glyphs.</source>
            <translation>字符會排在 *（或＊）的位置，前後是目標字型原有的字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="112" />
            <source>In a line of the target font (* marks the glyph):</source>
            <translation>排在目標字型的一行文字中（* 標示字符位置）：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="135" />
            <source>No glyph selected</source>
            <translation>未選取字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="146" />
            <source>Tracing…</source>
            <translation>描圖中…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="160" />
            <source>The target</source>
            <translation>目標字型</translation>
        </message>
        <message>
            <source>{0} has no glyph for {1}</source>
            <translation type="vanished">{0} 沒有「{1}」的字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="162" />
            <source>{0} has no glyph for {1} ({2})</source>
            <translation>{0} 沒有「{1}」（{2}）的字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="174" />
            <source>undecided</source>
            <translation>未決定</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="175" />
            <source>accepted</source>
            <translation>已採用</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="176" />
            <source>rejected</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="184" />
            <source>Status: &lt;b&gt;{0}&lt;/b&gt;</source>
            <translation>狀態：&lt;b&gt;{0}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="184" />
            <source>drawn by {0}</source>
            <translation>由 {0} 繪製</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="185" />
            <source>quality flags: {0}</source>
            <translation>品質標記：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="185" />
            <source>no quality flags</source>
            <translation>無品質標記</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="221" />
            <source>Outline: {0} contours, {1} on-curve points (■), {2} off-curve points (○)</source>
            <translation>外框：{0} 個輪廓、{1} 個線上點（■）、{2} 個控制點（○）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="228" />
            <source>Tracing failed: {0}</source>
            <translation>描圖失敗：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdetail.py" line="241" />
            <source>Left out (the target lacks them): {0}</source>
            <translation>已略過（目標字型沒有）：{0}</translation>
        </message>
    </context>
    <context>
        <name>GlyphWindow</name>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="293" />
            <source>Glyph</source>
            <translation>字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="301" />
            <source>Points</source>
            <translation>控制點</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="302" />
            <source>Guides</source>
            <translation>參考線</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="303" />
            <source>Ideographic face</source>
            <translation>表意字面框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="306" />
            <source>The box the target's ideographs are designed to fill (its BASE table's ideographic character face, else the ink extremes of its own ideographs)</source>
            <translation>目標字型的漢字設計上填滿的框（取自其 BASE 表的表意字面框 ICF，否則取其漢字的墨跡邊界）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="311" />
            <source>Generated raster</source>
            <translation>生成點陣</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="312" />
            <source>Source glyph</source>
            <translation>來源字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="321" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="327" />
            <source>Wheel: zoom · drag: pan · double-click: fit. Guides: em box (grey), baseline (pink), ideographic face (orange), the target's ink extremes (green).</source>
            <translation>滾輪：縮放 · 拖曳：平移 · 按兩下：符合視窗。參考線：全形框（灰）、基線（粉紅）、表意字面框（橘）、目標字型的墨跡邊界（綠）。</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · double-click: fit. Guides: em box (grey), baseline (pink), the target's ink extremes (green).</source>
            <translation type="vanished">滾輪：縮放 · 拖曳：平移 · 按兩下：符合視窗。參考線：全形框（灰）、基線（粉紅）、目標字型的墨跡邊界（綠）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="335" />
            <source>Related target glyphs (their sources look most like this one's):</source>
            <translation>相關的目標字型字符（其來源字形與此字最相似）：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/glyphwindow.py" line="408" />
            <source>{0}: {1}</source>
            <translation>{0}：{1}</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../fontassist/app/common/i18n.py" line="109" />
            <source>&amp;Language</source>
            <translation>語言 Language(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/i18n.py" line="115" />
            <source>System Language</source>
            <translation>跟隨系統語言</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/i18n.py" line="127" />
            <source>Takes effect when fontassist restarts</source>
            <translation>重新啟動 fontassist 後生效</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/i18n.py" line="136" />
            <source>fontassist will follow the system language the next time it starts.</source>
            <translation>下次啟動時，fontassist 會跟隨系統語言。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/common/i18n.py" line="140" />
            <source>fontassist will be in {0} the next time it starts.</source>
            <translation>下次啟動時，fontassist 會以 {0} 顯示。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="100" />
            <source>1  Fonts</source>
            <translation>1  字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="101" />
            <source>2  Characters</source>
            <translation>2  選字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="102" />
            <source>3  Train</source>
            <translation>3  訓練</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="103" />
            <source>4  Review</source>
            <translation>4  審閱</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="104" />
            <source>5  Export</source>
            <translation>5  匯出</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="131" />
            <source>“Train both” on the Review page is training; wait for it or stop it first.</source>
            <translation>審閱頁的「兩種都訓練」正在進行；請等它完成或先停止它。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="136" />
            <source>A run is training on the Train page; wait for it or stop it first.</source>
            <translation>訓練頁正在訓練；請等它完成或先停止它。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="157" />
            <source>Ready</source>
            <translation>就緒</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="169" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="171" />
            <source>&amp;New Project</source>
            <translation>新增專案(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="174" />
            <source>&amp;Open Project…</source>
            <translation>開啟專案(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="176" />
            <source>Open &amp;Recent</source>
            <translation>最近開啟(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="182" />
            <source>&amp;Save Project</source>
            <translation>儲存專案(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="185" />
            <source>Save Project &amp;As…</source>
            <translation>專案另存新檔(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="188" />
            <source>&amp;Quit</source>
            <translation>結束(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="191" />
            <source>&amp;Edit</source>
            <translation>編輯(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="193" />
            <source>&amp;Undo</source>
            <translation>復原(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="195" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="201" />
            <source>&amp;Go</source>
            <translation>前往(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="210" />
            <source>&amp;Help</source>
            <translation>說明(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="211" />
            <source>&amp;About fontassist</source>
            <translation>關於 fontassist(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="223" />
            <source>No recent projects</source>
            <translation>沒有最近開啟的專案</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="226" />
            <source>Clear Menu</source>
            <translation>清除清單</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="235" />
            <source>Training is running: stop it (or wait for it) before opening another project.</source>
            <translation>正在訓練：開啟其他專案前，請先停止（或等候）訓練。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="255" />
            <source>About fontassist</source>
            <translation>關於 fontassist</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="257" />
            <source>&lt;b&gt;fontassist {0}&lt;/b&gt;&lt;p&gt;Learn a target font's style from a source font and generate the characters it lacks.&lt;/p&gt;</source>
            <translation>&lt;b&gt;fontassist {0}&lt;/b&gt;&lt;p&gt;以來源字型學習目標字型的風格，補齊目標字型缺少的字。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="299" />
            <source>The bundled demo fonts are missing from this installation ({0}). Choose a source and a target font to begin.</source>
            <translation>這份安裝缺少內附的示範字型（{0}）。請選擇來源字型和目標字型來開始。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="305" />
            <source>Showing the bundled demo fonts: Noto Sans TC as the source and Zen Maru Gothic as the target. Choose your own fonts at any time.</source>
            <translation>目前顯示內附的示範字型：來源為 Noto Sans TC，目標為 Zen Maru Gothic。你隨時可以改用自己的字型。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="324" />
            <source>Unsaved changes</source>
            <translation>尚未儲存的變更</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="325" />
            <source>The project has unsaved changes. Save them?</source>
            <translation>專案有尚未儲存的變更，要儲存嗎？</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="348" />
            <source>Open project</source>
            <translation>開啟專案</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="368" />
            <source>This project uses {0} path(s) outside its folder, the bundled files and your home folder: check that you trust it (point here for the list).</source>
            <translation>此專案用到 {0} 個位於專案資料夾、內建檔案與你的家目錄之外的路徑：請確認你信任它（將滑鼠移到這裡可看清單）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="374" />
            <source>Opened {0}</source>
            <translation>已開啟 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="390" />
            <source>Save project</source>
            <translation>儲存專案</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="411" />
            <source>Saved {0}</source>
            <translation>已儲存 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="415" />
            <source>Untitled project</source>
            <translation>未命名專案</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="432" />
            <source>Training is running</source>
            <translation>正在訓練</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="434" />
            <source>Stop training and quit? The run saves a checkpoint first, so it can be continued later.</source>
            <translation>要停止訓練並結束嗎？會先儲存檢查點，之後可以接續訓練。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/mainwindow.py" line="442" />
            <source>Stopping training and saving a checkpoint…</source>
            <translation>正在停止訓練並儲存檢查點…</translation>
        </message>
        <message>
            <source>fontassist projects</source>
            <translation>fontassist 專案</translation>
        </message>
        <message>
            <source>All files</source>
            <translation>所有檔案</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="112" />
            <source>Generate</source>
            <translation>產生</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="118" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="125" />
            <source>Model:</source>
            <translation>模型：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="135" />
            <source>Raster</source>
            <translation>點陣</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="137" />
            <source>Outline</source>
            <translation>外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="150" />
            <source>Search: 永 or U+6C38</source>
            <translation>搜尋：永 或 U+6C38</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="334" />
            <location filename="../../fontassist/app/review/reviewpage.py" line="166" />
            <source>Status</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="167" />
            <source>Quality</source>
            <translation>品質</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="168" />
            <source>Order</source>
            <translation>排序</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="174" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="205" />
            <source>Accept  (A)</source>
            <translation>採用  (A)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="207" />
            <source>Reject  (R)</source>
            <translation>退回  (R)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="209" />
            <source>Undecided  (U)</source>
            <translation>未決定  (U)</translation>
        </message>
        <message>
            <source>Keys in the grid: A accept · R reject · U undecided · arrows move · Shift/Ctrl select several</source>
            <translation type="vanished">格狀檢視快捷鍵：A 採用 · R 退回 · U 未決定 · 方向鍵移動 · Shift／Ctrl 多選</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="218" />
            <source>Keys in the grid: A accept · R reject · U undecided · Del exclude · arrows move · Shift/Ctrl select several</source>
            <translation>格狀檢視快捷鍵：A 採用 · R 退回 · U 未決定 · Del 排除 · 方向鍵移動 · Shift／Ctrl 多選</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="227" />
            <source>Regenerate selected</source>
            <translation>重新產生選取的字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="231" />
            <source>Redraw with:</source>
            <translation>重新繪製使用：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="234" />
            <source>Draw the selected glyphs again with another checkpoint</source>
            <translation>用另一個檢查點重新繪製選取的字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="90" />
            <source>Glyphs</source>
            <translation>字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="91" />
            <source>Compare runs (A/B)</source>
            <translation>比較訓練（A／B）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="92" />
            <source>Next: Export →</source>
            <translation>下一步：匯出 →</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="95" />
            <source>4 · Review</source>
            <translation>4 · 審閱</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="385" />
            <source>{0} (U+{1:04X}) is hidden by the filters; showing the first glyph that passes them.</source>
            <translation>{0}（U+{1:04X}）被篩選條件隱藏了；改為顯示第一個符合條件的字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="479" />
            <source>Include in the generate set again  (Del)</source>
            <translation>重新加入生成集合  (Del)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="482" />
            <source>Exclude from the generate set  (Del)</source>
            <translation>從生成集合排除  (Del)</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="501" />
            <source>{0:,} glyphs · {1:,} accepted · {2:,} rejected · {3:,} undecided · {4:,} flagged · {5:,} shown</source>
            <translation>{0:,} 個字符 · 已採用 {1:,} · 已退回 {2:,} · 未決定 {3:,} · 有標記 {4:,} · 顯示 {5:,}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="523" />
            <source>Draw with another model</source>
            <translation>用另一個模型繪製</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="525" />
            <source>Every glyph will be drawn again by {0}. Keep your decisions?

Yes: rejected glyphs stay rejected; accepted ones become undecided, since nobody has seen their new drawings yet.
No: every glyph becomes undecided.

Edit → Undo brings back the glyphs and decisions as they are now.</source>
            <translation>所有字符都會由 {0} 重新繪製。要保留你的決定嗎？

是：已退回的字符維持退回；已採用的改為未決定，因為還沒有人看過新的繪製結果。
否：所有字符都改為未決定。

「編輯 → 復原」可恢復目前的字符與決定。</translation>
        </message>
        <message>
            <source>The glyphs will be drawn again by {0}. Keep your accept / reject decisions for them?</source>
            <translation type="vanished">這些字符將由 {0} 重新繪製。要保留你對它們的採用／退回決定嗎？</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="558" />
            <source>Select glyphs in the grid and a checkpoint to draw them with.</source>
            <translation>請在格狀檢視中選取字符，並選擇用來繪製的檢查點。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="574" />
            <source>starting…</source>
            <translation>啟動中…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="583" />
            <source>about {0} left</source>
            <translation>約剩 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="588" />
            <source>Generating failed</source>
            <translation>產生失敗</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="595" />
            <source>No glyph passes these filters.</source>
            <translation>沒有符合這些篩選條件的字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="597" />
            <source>Drawing the glyphs…</source>
            <translation>正在繪製字符…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewpage.py" line="599" />
            <source>Press Generate to draw the glyphs.</source>
            <translation>按「產生」來繪製字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="324" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>New</source>
            <translation type="vanished">未決定</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="326" />
            <source>Accepted</source>
            <translation>已採用</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="327" />
            <source>Rejected</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="308" />
            <source>Any quality</source>
            <translation>任何品質</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="309" />
            <source>Flagged (worth a look)</source>
            <translation>有標記（值得一看）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="310" />
            <source>Not flagged</source>
            <translation>無標記</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="311" />
            <source>Specks</source>
            <translation>墨點</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="313" />
            <source>Broken strokes</source>
            <translation>筆畫斷開</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="317" />
            <source>Merged strokes</source>
            <translation>筆畫沾連</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="320" />
            <source>Counters changed</source>
            <translation>字懷改變</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="321" />
            <source>Empty</source>
            <translation>空白</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="325" />
            <source>Undecided</source>
            <translation>未決定</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="328" />
            <source>Excluded</source>
            <translation>已排除</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="331" />
            <source>Character order</source>
            <translation>原始順序</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="332" />
            <source>Code point</source>
            <translation>碼位</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewdata.py" line="333" />
            <source>Most doubtful first</source>
            <translation>最可疑的優先</translation>
        </message>
    </context>
    <context>
        <name>ReviewState</name>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="165" />
            <source>Choose a source and a target font first.</source>
            <translation>請先選擇來源字型和目標字型。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="167" />
            <source>Choose the characters to generate first.</source>
            <translation>請先選擇要產生的字。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="169" />
            <source>There is nothing to generate: the target already has every character chosen.</source>
            <translation>沒有要產生的字：選定的字目標字型全都有了。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="173" />
            <source>Train a model first (step 3), or choose a checkpoint.</source>
            <translation>請先訓練模型（步驟 3），或選擇檢查點。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="188" />
            <source>Drawing the glyphs</source>
            <translation>正在繪製字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="190" />
            <source>Redrawing the selected glyphs</source>
            <translation>正在重新繪製選取的字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="265" />
            <source>Regenerate {0} glyphs with {1}</source>
            <translation>用 {1} 重新產生 {0} 個字符</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="210" />
            <source>The source font has none of these characters, so nothing was drawn.</source>
            <translation>來源字型沒有這些字，因此沒有產生任何字符。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="171" />
            <source>Every character to generate is excluded: choose other characters (step 2).</source>
            <translation>要生成的字符都已排除：請選擇其他字符（步驟 2）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="398" />
            <source>Accept</source>
            <translation>採用</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="399" />
            <source>Reject</source>
            <translation>退回</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="400" />
            <source>Mark undecided</source>
            <translation>設為未決定</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="402" />
            <source>{0} {1}</source>
            <translation>{0} {1}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="413" />
            <source>Exclude {0}</source>
            <translation>排除 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="415" />
            <source>Include {0}</source>
            <translation>重新加入 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/review/reviewstate.py" line="495" />
            <source>Draw with {0}</source>
            <translation>改用 {0} 繪製</translation>
        </message>
    </context>
    <context>
        <name>SystemFontDialog</name>
        <message>
            <location filename="../../fontassist/app/fonts/systemfontdialog.py" line="34" />
            <source>Search installed fonts by name</source>
            <translation>依名稱搜尋已安裝的字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/systemfontdialog.py" line="55" />
            <source>Looking for installed fonts…</source>
            <translation>正在尋找已安裝的字型…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/fonts/systemfontdialog.py" line="68" />
            <source>Installed fonts could not be listed: {0}</source>
            <translation>無法列出已安裝的字型：{0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../fontassist/app/fonts/systemfontdialog.py" line="78" />
            <source>%n installed font(s)</source>
            <translation>
                <numerusform>%n 套已安裝的字型</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TextPreview</name>
        <message>
            <source>Type any text</source>
            <translation type="vanished">輸入任意文字</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="93" />
            <source>Type any text; several lines are fine</source>
            <translation>輸入任何文字；可以多行</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="103" />
            <source>Waterfall (12–120 px)</source>
            <translation>瀑布式（12–120 px）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="110" />
            <location filename="../../fontassist/app/export/textpreview.py" line="142" />
            <source>Exported font: not written yet</source>
            <translation>匯出的字型：尚未寫出</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="114" />
            <source>Original target font</source>
            <translation>原本的目標字型</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="118" />
            <source>Text:</source>
            <translation>文字：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="119" />
            <source>Size:</source>
            <translation>大小：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="147" />
            <source>Qt could not load {0}</source>
            <translation>Qt 無法載入 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="151" />
            <source>Exported font: {0} ({1}) — its traced outlines, as written</source>
            <translation>匯出的字型：{0}（{1}）— 即寫入的描出外框</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="175" />
            <source>{0} px</source>
            <translation>{0} px</translation>
        </message>
        <message>
            <source>Exported font: {0} ({1})</source>
            <translation type="vanished">匯出的字型：{0}（{1}）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/export/textpreview.py" line="169" />
            <source>Original target font: {0} (a gap is a character it lacks)</source>
            <translation>原本的目標字型：{0}（空白處是它缺少的字）</translation>
        </message>
    </context>
    <context>
        <name>TrainCharts</name>
        <message>
            <source>generator</source>
            <translation>生成器</translation>
        </message>
        <message>
            <source>adversarial</source>
            <translation>對抗</translation>
        </message>
        <message>
            <source>discriminator</source>
            <translation>判別器</translation>
        </message>
        <message>
            <source>constant</source>
            <translation>恆定</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步數</translation>
        </message>
        <message>
            <source>Losses</source>
            <translation>損失</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>驗證</translation>
        </message>
        <message>
            <source>source as is</source>
            <translation>來源原樣</translation>
        </message>
    </context>
    <context>
        <name>TrainPage</name>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="131" />
            <source>automatic</source>
            <translation>自動</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="132" />
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="141" />
            <source>Start training</source>
            <translation>開始訓練</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="143" />
            <location filename="../../fontassist/app/train/trainpage.py" line="784" />
            <source>Pause</source>
            <translation>暫停</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="145" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="147" />
            <source>Continue a run…</source>
            <translation>接續訓練…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="149" />
            <location filename="../../fontassist/app/train/trainpage.py" line="778" />
            <source>Continue training a run folder from its last checkpoint</source>
            <translation>從訓練資料夾的最後一個檢查點接續訓練</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="154" />
            <source>Estimate time</source>
            <translation>估計時間</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="158" />
            <source>Time a few training steps on the chosen device and show how long the whole run will take.</source>
            <translation>在所選裝置上計時幾個訓練步驟，並顯示整次訓練需要多久。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="172" />
            <location filename="../../fontassist/app/train/trainpage.py" line="795" />
            <source>Loading the training engine…</source>
            <translation>正在載入訓練引擎…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="97" />
            <source>New run folder:</source>
            <translation>新訓練資料夾：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="178" />
            <location filename="../../fontassist/app/train/trainpage.py" line="655" />
            <source>Not started.</source>
            <translation>尚未開始。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="184" />
            <location filename="../../fontassist/app/train/trainpage.py" line="645" />
            <source>not started</source>
            <translation>尚未開始</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="197" />
            <location filename="../../fontassist/app/train/trainpage.py" line="634" />
            <source>Preview: source | generated | target</source>
            <translation>預覽：來源 | 生成 | 目標</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="201" />
            <source>The preview appears at the first preview step.</source>
            <translation>訓練到第一個預覽步數時會顯示預覽。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="109" />
            <source>Next: Review →</source>
            <translation>下一步：審閱 →</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="113" />
            <source>3 · Train</source>
            <translation>3 · 訓練</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="262" />
            <source>Devices: {0}</source>
            <translation>裝置：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="271" />
            <source>The training engine could not be loaded: {0}</source>
            <translation>無法載入訓練引擎：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="326" />
            <source>Measuring a few steps…</source>
            <translation>正在測量幾個步驟…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="333" />
            <source>Estimated time: {0} for {1} steps on {2} ({3} ms per step measured).</source>
            <translation>估計時間：{1} 步在 {2} 上約 {0}（實測每步 {3} 毫秒）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="345" />
            <source>The time could not be estimated: {0}</source>
            <translation>無法估計時間：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="380" />
            <source>Stopping the run: saving a checkpoint</source>
            <translation>正在停止訓練：儲存檢查點</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="381" />
            <source>Paused: {0}</source>
            <translation>已暫停：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="381" />
            <source>Training {0}</source>
            <translation>正在訓練 {0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="406" />
            <source>Folder for the new run</source>
            <translation>新訓練的資料夾</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="315" />
            <location filename="../../fontassist/app/train/trainpage.py" line="433" />
            <source>Choose a source and a target font first.</source>
            <translation>請先選擇來源字型和目標字型。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="456" />
            <source>Run folder to continue</source>
            <translation>要接續的訓練資料夾</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="478" />
            <source>{0} has already trained {1:,} steps: give a larger total to train it further.</source>
            <translation>{0} 已訓練 {1:,} 步：要繼續訓練，請給更大的總步數。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="516" />
            <location filename="../../fontassist/app/train/trainpage.py" line="686" />
            <source>step %v of %m</source>
            <translation>第 %v／%m 步</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="518" />
            <location filename="../../fontassist/app/train/trainpage.py" line="651" />
            <source>Run folder: {0}</source>
            <translation>訓練資料夾：{0}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="519" />
            <source>Preparing the glyph pairs and the model…</source>
            <translation>正在準備字符配對與模型…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="551" />
            <source>Paused at step {0}. Resume to go on.</source>
            <translation>已在第 {0} 步暫停。按「繼續」接著訓練。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="559" />
            <location filename="../../fontassist/app/train/trainpage.py" line="591" />
            <source>Training…</source>
            <translation>訓練中…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="567" />
            <source>Stopping: saving a checkpoint…</source>
            <translation>正在停止：儲存檢查點…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="578" />
            <source>Training the upscaler: step {0} of {1} (once per target font)</source>
            <translation>正在訓練放大模型：第 {0} 步，共 {1} 步（每個目標字型只需一次）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="594" />
            <source>{0:.1f} images/s · about {1} left</source>
            <translation>每秒 {0:.1f} 張 · 約剩 {1}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="605" />
            <location filename="../../fontassist/app/train/trainpage.py" line="699" />
            <source>Preview at step {0}: source | generated | target</source>
            <translation>第 {0} 步預覽：來源 | 生成 | 目標</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="610" />
            <source>Run folder: {0} · checkpoint at step {1}</source>
            <translation>訓練資料夾：{0} · 第 {1} 步的檢查點</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="650" />
            <source>The project's run: continue it, or start a new one.</source>
            <translation>專案的訓練：可繼續它，或開始新的訓練。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="718" />
            <source>Validation at step {0}: {1}</source>
            <translation>第 {0} 步驗證：{1}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="722" />
            <source>better than the source as is by {0} IoU</source>
            <translation>比來源原樣好 {0} IoU</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="724" />
            <source>not yet better than the source as is</source>
            <translation>尚未優於來源原樣</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="731" />
            <source>{0:.1f} images/s</source>
            <translation>{0:.1f} 張/秒</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="734" />
            <source>Training completed at step {0}.</source>
            <translation>訓練在第 {0} 步完成。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="746" />
            <source>Stopped at step {0}. Continue the run to train further.</source>
            <translation>已在第 {0} 步停止。接續這次訓練即可繼續。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="736" />
            <source>Training ended at step {0}.</source>
            <translation>訓練在第 {0} 步結束。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="740" />
            <source>Run folder: {0} · checkpoint: {1}</source>
            <translation>訓練資料夾：{0} · 檢查點：{1}</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="750" />
            <source>Training could not go on.</source>
            <translation>訓練無法繼續。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="752" />
            <source>Training failed</source>
            <translation>訓練失敗</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="784" />
            <source>Resume</source>
            <translation>繼續</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainpage.py" line="797" />
            <source>Choose the fonts and characters first.</source>
            <translation>請先選擇字型與要產生的字。</translation>
        </message>
        <message>
            <source>{0} s</source>
            <translation>{0} 秒</translation>
        </message>
        <message>
            <source>{0} min {1:02d} s</source>
            <translation>{0} 分 {1:02d} 秒</translation>
        </message>
        <message>
            <source>{0} h {1:02d} min</source>
            <translation>{0} 小時 {1:02d} 分</translation>
        </message>
        <message>
            <source>source as is</source>
            <translation>來源原樣</translation>
        </message>
    </context>
    <context>
        <name>TrainSettingsForm</name>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="222" />
            <source>{0} GPUs found. Training here uses one of them (Automatic: the first); to train on all {0}, run: fontassist train --nproc-per-node {0} …</source>
            <translation>找到 {0} 個 GPU。在這裡訓練只用其中一個（自動：第一個）；要用全部 {0} 個訓練，請執行：fontassist train --nproc-per-node {0} …</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="56" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="44" />
            <source>Choose a preset…</source>
            <translation>選擇預設組合…</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="45" />
            <source>Quick: a first look (≈ 5 min on a CPU, 64 px)</source>
            <translation>快速：先看看（CPU 約 5 分鐘，64 px）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="46" />
            <source>Balanced (≈ 30 min on a CPU, 64 px)</source>
            <translation>平衡（CPU 約 30 分鐘，64 px）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="47" />
            <source>Quality (128 px, meant for a GPU)</source>
            <translation>品質（128 px，適用 GPU）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="75" />
            <source>Sets image size, widths, steps and losses together. Quick shows within minutes whether the pair works; Balanced gives usable drafts in about half an hour on a CPU; Quality needs a GPU. Change any field afterwards.</source>
            <translation>一次設定影像大小、寬度、步數與損失。快速可在幾分鐘內看出這對字型是否可行；平衡在 CPU 上約半小時可得到可用的草稿；品質需要 GPU。之後仍可修改任何欄位。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="83" />
            <location filename="../../fontassist/app/train/trainform.py" line="272" />
            <source>{0} × {0} px</source>
            <translation>{0} × {0} px</translation>
        </message>
        <message>
            <source>Normalization in the generator and discriminator. Compare BatchNorm and InstanceNorm runs with the same seed.</source>
            <translation type="vanished">生成器與判別器使用的正規化方式。可用相同的隨機種子比較 BatchNorm 與 InstanceNorm 的訓練結果。</translation>
        </message>
        <message>
            <source>Self-attention after the encoder levels of these sizes (in pixels).</source>
            <translation type="vanished">在這些尺寸（像素）的編碼器層之後加入自注意力。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="86" />
            <source>Glyph raster size. Larger keeps finer detail of complex characters but each step costs about 4× per doubling; 64 px suits a CPU, 128 or 256 px a GPU.</source>
            <translation>字符點陣大小。越大越能保留複雜字的細節，但每加倍一次，每步約慢 4 倍；CPU 適合 64 px，GPU 適合 128 或 256 px。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="95" />
            <source>Width of the network. Wider learns more detail but each step is slower (up to 4× per doubling) and it needs more steps; 32 suits a CPU, 64 a GPU.</source>
            <translation>網路寬度。越寬能學到越多細節，但每步較慢（每加倍最多慢 4 倍），也需要更多步數；CPU 適合 32，GPU 適合 64。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="104" />
            <source>Normalization in the generator and discriminator; no effect on time. InstanceNorm is the safe default; compare BatchNorm and InstanceNorm runs with the same seed.</source>
            <translation>生成器與判別器中的正規化方式；不影響時間。InstanceNorm 是穩妥的預設值；可用相同隨機種子比較 BatchNorm 與 InstanceNorm 的訓練。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="114" />
            <source>Self-attention after the encoder levels of these sizes (in pixels): helps place strokes of complex characters; a larger level costs noticeably more time and memory.</source>
            <translation>在這些大小（像素）的編碼層之後加入自注意力：有助於安排複雜字的筆畫；層級越大，時間與記憶體花費明顯越多。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="125" />
            <source>Glyph pairs per step. Time grows with it per step but the model sees more per step; 16 suits a CPU. Lower it if memory runs out.</source>
            <translation>每步的字符對數。數值越大每步越久，但模型每步看得越多；CPU 適合 16。記憶體不足時請調低。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="135" />
            <source>Length of the run; time grows in proportion. Quality rises quickly at first, then slowly: watch the validation IoU against the source as is. Use Estimate time to see what a number costs.</source>
            <translation>訓練長度；時間隨之成比例增加。品質起初上升很快，之後變慢：請對照來源原樣觀察驗證 IoU。可用「估計時間」查看某個步數需要多久。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="145" />
            <source>Step size of the optimiser; no effect on time per step. Higher learns faster in short runs but can diverge (the run stops with a message); 0.0005 suits the 64 px presets.</source>
            <translation>最佳化器的步長；不影響每步時間。較高在短訓練中學得較快，但可能發散（訓練會停止並顯示訊息）；64 px 的預設組合適合 0.0005。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="149" />
            <source>Adversarial loss (sharper, slower)</source>
            <translation>對抗損失（較銳利、較慢）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="152" />
            <source>A discriminator judges the glyphs (pix2pix): crisper edges and terminals, at the cost of training a second network each step. The presets switch it on half-way through the run.</source>
            <translation>由判別器評判字符（pix2pix）：邊緣與筆畫末端更銳利，代價是每步多訓練一個網路。預設組合會在訓練進行到一半時開啟它。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="158" />
            <source>Where to train. A GPU is many times faster and allows larger sizes; results are alike.</source>
            <translation>訓練的裝置。GPU 快上許多倍，也能用較大的尺寸；結果相近。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="167" />
            <source>Steps between preview images; no effect on quality, little on time.</source>
            <translation>預覽圖之間的步數；不影響品質，對時間影響很小。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="173" />
            <source>Steps between scorings on the held-out glyphs. Each one costs a few seconds and may update best.pt, the checkpoint with the highest validation IoU.</source>
            <translation>在保留字符上評分的間隔步數。每次評分需要幾秒，並可能更新 best.pt（驗證 IoU 最高的檢查點）。</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="181" />
            <source>Preset:</source>
            <translation>預設組合：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="182" />
            <source>Image size:</source>
            <translation>影像大小：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="183" />
            <source>Base channels:</source>
            <translation>基礎通道數：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="184" />
            <source>Normalization:</source>
            <translation>正規化：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="185" />
            <source>Attention at:</source>
            <translation>注意力位置：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="186" />
            <source>Batch size:</source>
            <translation>批次大小：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="187" />
            <source>Steps:</source>
            <translation>步數：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="188" />
            <source>Learning rate:</source>
            <translation>學習率：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="190" />
            <source>Device:</source>
            <translation>裝置：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="192" />
            <source>Preview every:</source>
            <translation>預覽間隔：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="193" />
            <source>Evaluate every:</source>
            <translation>評估間隔：</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="212" />
            <source>Automatic (best available)</source>
            <translation>自動（最佳可用裝置）</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="214" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="27" />
            <source>BatchNorm</source>
            <translation>BatchNorm</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="28" />
            <source>InstanceNorm</source>
            <translation>InstanceNorm</translation>
        </message>
        <message>
            <location filename="../../fontassist/app/train/trainform.py" line="29" />
            <source>None</source>
            <translation>無</translation>
        </message>
    </context>
</TS>
