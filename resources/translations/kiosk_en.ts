<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountHomeScreen</name>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="62"/>
        <source>退出登录</source>
        <extracomment>The business targets of the tiles, in the manual&apos;s order.</extracomment>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="70"/>
        <source>个人账户</source>
        <translation>My account</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="70"/>
        <source>账户余额、缴存基数和状态</source>
        <translation>Balance, deposit base and status</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="71"/>
        <source>信息查询</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="71"/>
        <source>缴存明细、提取和贷款记录</source>
        <translation>Deposits, withdrawals and loans</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="72"/>
        <source>我要贷款</source>
        <translation>Loans</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="72"/>
        <source>贷款试算、申请和进度</source>
        <translation>Estimate, apply and track</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="73"/>
        <source>我要提取</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="73"/>
        <source>提取公积金到本人银行卡</source>
        <translation>Withdraw to your own bank card</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="74"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="74"/>
        <source>各项业务的条件和所需材料</source>
        <translation>Requirements and documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="75"/>
        <source>网点查询</source>
        <translation>Service points</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="75"/>
        <source>服务网点地图和办公时间</source>
        <translation>Map and opening hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="99"/>
        <source>网厅首页</source>
        <translation>Online Service Hall</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="114"/>
        <source>您好，{name}！请选择您要办理的业务</source>
        <translation>Hello, {name}! Please choose a service.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="116"/>
        <source>您好！请选择您要办理的业务</source>
        <translation>Hello! Please choose a service.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account_home.py" line="147"/>
        <source>该业务即将开通，敬请期待；如需现在办理，请到柜台或拨打12329热线咨询。</source>
        <translation>This service is coming soon. To use it now, go to a service counter or call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>AccountScreen</name>
    <message>
        <location filename="../../kiosk/screens/account.py" line="110"/>
        <source>账户余额</source>
        <extracomment>(key in GET /me/account, label) in the order shown.</extracomment>
        <translation>Account balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="115"/>
        <location filename="../../kiosk/screens/account.py" line="219"/>
        <source>显示余额</source>
        <translation>Show balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="126"/>
        <source>打印缴存证明</source>
        <translation>Print deposit certificate</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="129"/>
        <source>重新加载</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="138"/>
        <source>为保护您的隐私，余额默认隐藏；查看完毕请点击“返回”或“退出登录”。</source>
        <translation>For your privacy the balance is hidden. When you are done, tap “Back” or “Sign out”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="163"/>
        <source>个人账户</source>
        <translation>My account</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="196"/>
        <source>个人{a}%&#x3000;单位{b}%</source>
        <translation>Employee {a}%  Employer {b}%</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="203"/>
        <source>{total}（个人{a}，单位{b}）</source>
        <translation>{total} (employee {a}, employer {b})</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="219"/>
        <source>隐藏余额</source>
        <translation>Hide balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/account.py" line="244"/>
        <source>缴存证明正在打印，请在出纸口取走。</source>
        <translation>Printing the deposit certificate. Please take it from the printer slot.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="15"/>
        <source>暂时无法获取您的账户信息，请点击“重新加载”再试，或拨打12329热线咨询。</source>
        <translation>Your account information is unavailable right now. Tap “Reload” to try again, or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="16"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="17"/>
        <source>个人账号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="18"/>
        <source>所属中心</source>
        <translation>Fund center</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="19"/>
        <source>账户状态</source>
        <translation>Account status</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="20"/>
        <source>缴存单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="21"/>
        <source>开户日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="22"/>
        <source>缴存基数</source>
        <translation>Deposit base</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="23"/>
        <source>缴存比例</source>
        <translation>Deposit rates</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="24"/>
        <source>月缴存额</source>
        <translation>Monthly deposit</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="25"/>
        <source>缴至年月</source>
        <translation>Paid up to</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="26"/>
        <source>提取到账银行卡</source>
        <translation>Bank card for withdrawals</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../kiosk/ui/agreement.py" line="62"/>
        <source>请阅读至协议末尾，然后点击“同意并继续”</source>
        <extracomment>How close to the end (in pixels) counts as &quot;read to the end&quot;.</extracomment>
        <translation>Please read to the end of the agreement, then tap “Agree and continue”</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/agreement.py" line="66"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/agreement.py" line="69"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/agreement.py" line="72"/>
        <source>同意并继续</source>
        <translation>Agree and continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/agreement.py" line="132"/>
        <source>您已阅读完毕，可以点击“同意并继续”</source>
        <translation>You have read it all. You can now tap “Agree and continue”</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../kiosk/ui/busy.py" line="79"/>
        <location filename="../../kiosk/ui/busy.py" line="92"/>
        <source>正在提交，请稍候…</source>
        <translation>Submitting, please wait…</translation>
    </message>
</context>
<context>
    <name>CaptchaField</name>
    <message>
        <location filename="../../kiosk/ui/captcha_field.py" line="46"/>
        <source>验证码</source>
        <translation>Captcha</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/captcha_field.py" line="50"/>
        <source>请输入图片中的数字</source>
        <translation>Digits in the picture</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/captcha_field.py" line="91"/>
        <source>验证码图片加载失败，请点击“换一张”。</source>
        <translation>The picture did not load. Please tap “New picture”.</translation>
    </message>
</context>
<context>
    <name>CaptchaView</name>
    <message>
        <location filename="../../kiosk/ui/captcha.py" line="88"/>
        <source>图片验证码</source>
        <extracomment>Size the captcha picture is scaled into (large enough for poor eyesight).</extracomment>
        <translation>Picture captcha</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/captcha.py" line="89"/>
        <source>换一张</source>
        <translation>New picture</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/captcha.py" line="132"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/captcha.py" line="143"/>
        <source>加载失败，请换一张</source>
        <translation>Failed to load, tap for a new one</translation>
    </message>
</context>
<context>
    <name>CenterPickScreen</name>
    <message>
        <location filename="../../kiosk/screens/center_pick.py" line="22"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/center_pick.py" line="28"/>
        <source>第一步&#x3000;请选择您的住房公积金所属管理中心</source>
        <translation>Step 1: choose the fund center that holds your account</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/center_pick.py" line="40"/>
        <source>所属中心</source>
        <translation>Fund center</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/center_pick.py" line="78"/>
        <source>暂时无法获取管理中心列表，请稍后再试，或拨打12329热线咨询。</source>
        <translation>The list of fund centers is unavailable right now. Please try again later or call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>CodeScreen</name>
    <message>
        <location filename="../../kiosk/screens/code.py" line="27"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="40"/>
        <source>短信验证码</source>
        <translation>SMS code</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="44"/>
        <source>请输入6位短信验证码</source>
        <translation>Enter the 6-digit SMS code</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="64"/>
        <source>短信验证</source>
        <translation>SMS verification</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="74"/>
        <source>验证码已发送至 {phone}，请查收短信并在5分钟内填写。</source>
        <translation>A code was sent to {phone}. Please enter it within 5 minutes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="100"/>
        <source>{n}秒后重新获取</source>
        <translation>Resend in {n} s</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="105"/>
        <source>重新获取验证码</source>
        <translation>Resend code</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/code.py" line="120"/>
        <source>新的验证码已发送，之前的验证码已失效。</source>
        <translation>A new code was sent. The previous code no longer works.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="104"/>
        <source>暂时无法连接公积金中心，请稍后再试；如急需办理，请到柜台或拨打12329热线。</source>
        <translation>The fund center cannot be reached right now. Please try again later; for urgent matters, go to a service counter or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="105"/>
        <source>公积金中心响应超时，您填写的内容已保留，请稍后重试或拨打12329热线。</source>
        <translation>The fund center took too long to answer. What you entered has been kept; please try again later or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="106"/>
        <source>公积金中心返回了无法识别的结果，请稍后重试或拨打12329热线。</source>
        <translation>The fund center sent an answer that cannot be read. Please try again later or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="107"/>
        <source>公积金中心暂时无法处理，请稍后重试；如急需办理，请到柜台或拨打12329热线。</source>
        <translation>The fund center cannot handle the request right now. Please try again later; for urgent matters, go to a service counter or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="108"/>
        <source>请求未能办理，请检查填写内容后重试，或拨打12329热线咨询。</source>
        <translation>The request could not be processed. Please check what you entered and try again, or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="109"/>
        <source>系统暂时出现问题，您填写的内容已保留，请稍后重试；如仍不成功，请拨打12329热线。</source>
        <translation>Something went wrong. What you entered has been kept; please try again later. If it still fails, call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="110"/>
        <source>打印机暂时不可用，请到柜台打印，或拨打12329热线；本次业务已办理，不受影响。</source>
        <translation>The printer is unavailable right now. Please print at a service counter or call the 12329 hotline; your transaction is complete and not affected.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="111"/>
        <source>申请已发出，但未收到办理结果。请勿重复提交，系统正在查询结果；如长时间无结果，请到柜台或拨打12329热线查询。</source>
        <translation>Your request was sent, but no result came back. Do not submit it again: the kiosk is checking the result. If there is still no result after a while, go to a service counter or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="112"/>
        <source>请输入身份证号。</source>
        <translation>Please enter your ID number.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="113"/>
        <source>身份证号应为18位，请核对后重新输入。</source>
        <translation>The ID number must have 18 characters. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="114"/>
        <source>请填写18位第二代居民身份证号，15位的旧身份证号不能使用。</source>
        <translation>Please enter the 18-character number of your second-generation ID card; old 15-digit ID numbers cannot be used.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="115"/>
        <source>身份证号只能包含数字和字母X，请核对后重新输入。</source>
        <translation>The ID number may contain only digits and the letter X. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="116"/>
        <source>身份证号只有最后一位可以是字母X，请核对后重新输入。</source>
        <translation>Only the last character of the ID number can be the letter X. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="117"/>
        <source>身份证号前两位地区代码不正确，请核对后重新输入。</source>
        <translation>The region code (first two digits) of the ID number is not valid. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="118"/>
        <source>身份证号中的出生日期不正确，请核对后重新输入。</source>
        <translation>The date of birth in the ID number is not valid. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="119"/>
        <source>身份证号校验位不正确，请核对第二代居民身份证后重新输入。</source>
        <translation>The check digit of the ID number is wrong. Please check it against your ID card and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="120"/>
        <source>请输入在中心预留的手机号码。</source>
        <translation>Please enter the mobile number registered with the fund center.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="121"/>
        <source>手机号码应为11位，请核对后重新输入。</source>
        <translation>The mobile number must have 11 digits. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="122"/>
        <source>手机号码只能包含数字，请核对后重新输入。</source>
        <translation>The mobile number may contain only digits. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="123"/>
        <source>请填写以1开头的11位大陆手机号码。</source>
        <translation>Please enter an 11-digit mainland mobile number starting with 1.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="124"/>
        <source>用户名需为字母或数字或字母数字组合且长度为{min}-{max}位，请重新输入。</source>
        <translation>The user name must be {min}-{max} letters and/or digits. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="125"/>
        <source>密码需为字母或数字或字母数字组合且长度为{min}-{max}位，请重新输入。</source>
        <translation>The password must be {min}-{max} letters and/or digits. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="126"/>
        <source>请输入用户名。</source>
        <translation>Please enter a user name.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="127"/>
        <source>请输入密码。</source>
        <translation>Please enter a password.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="128"/>
        <source>密码只能使用字母和数字，请切换到英文（半角）输入后重新输入。</source>
        <translation>The password may use only letters and digits. Please switch to English (half-width) input and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="129"/>
        <source>这个密码太常见，容易被他人猜到，请换一个。</source>
        <translation>This password is too common and easy to guess. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="130"/>
        <source>密码不能包含身份证号，请换一个。</source>
        <translation>The password must not contain your ID number. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="131"/>
        <source>密码不能包含手机号码，请换一个。</source>
        <translation>The password must not contain your mobile number. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="132"/>
        <source>密码不能包含用户名，请换一个。</source>
        <translation>The password must not contain your user name. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="133"/>
        <source>请再次输入密码。</source>
        <translation>Please enter the password again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="134"/>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords do not match. Please enter them again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="135"/>
        <source>电子邮箱格式不正确（例如 name@example.com），请核对；不需要也可以不填。</source>
        <translation>The e-mail address is not valid (for example name@example.com). Please check it, or leave it empty if you do not need it.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="136"/>
        <source>请输入短信中的{length}位验证码。</source>
        <translation>Please enter the {length}-digit code from the text message.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="137"/>
        <source>短信验证码应为{length}位数字，请核对短信后重新输入。</source>
        <translation>The SMS code has {length} digits. Please check the text message and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="138"/>
        <source>请输入金额。</source>
        <translation>Please enter an amount.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="139"/>
        <source>金额格式不正确，请只输入数字和小数点，例如 12345.67。</source>
        <translation>The amount is not valid. Please enter only digits and a decimal point, for example 12345.67.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="140"/>
        <source>金额最多保留两位小数（精确到分），请重新输入。</source>
        <translation>The amount can have at most two decimal places (to the fen). Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="141"/>
        <source>金额应大于0元，请重新输入。</source>
        <translation>The amount must be more than 0 yuan. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="142"/>
        <source>金额过大，请核对后重新输入。</source>
        <translation>The amount is too large. Please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="143"/>
        <source>金额不能少于{amount}元，请重新输入。</source>
        <translation>The amount cannot be less than {amount} yuan. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="144"/>
        <source>金额不能超过{amount}元，请重新输入。</source>
        <translation>The amount cannot be more than {amount} yuan. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="145"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="146"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="147"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="148"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="149"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="150"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="151"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="152"/>
        <source>正在办公 · 全天24小时</source>
        <translation>Open · 24 hours</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="153"/>
        <source>正在办公 · {clock}下班</source>
        <translation>Open · closes at {clock}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="154"/>
        <source>正在办公 · {clock}午间休息</source>
        <translation>Open · lunch break at {clock}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="155"/>
        <source>即将下班 · {clock}停止办理</source>
        <translation>Closing soon · last service at {clock}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="156"/>
        <source>即将午休 · {clock}暂停办理</source>
        <translation>Lunch break soon · service pauses at {clock}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="157"/>
        <source>午间休息 · {clock}恢复办公</source>
        <translation>Lunch break · reopens at {clock}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="158"/>
        <source>尚未上班 · {clock}开始办公</source>
        <translation>Not open yet · opens at {clock}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="159"/>
        <source>已下班</source>
        <translation>Closed for today</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="160"/>
        <source>今日休息</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="161"/>
        <source>{head} · {opening}上班</source>
        <translation>{head} · opens {opening}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="162"/>
        <source>{head} · 近期暂停办公，详情请拨打12329热线</source>
        <translation>{head} · closed for the time being; call the 12329 hotline for details</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="163"/>
        <source>明天{time}</source>
        <translation>tomorrow {time}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="164"/>
        <source>{month}月{day}日 {time}</source>
        <translation>{month}/{day} {time}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="165"/>
        <source>明天（{weekday}）{time}</source>
        <translation>tomorrow ({weekday}) {time}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="166"/>
        <source>{month}月{day}日（{weekday}）{time}</source>
        <translation>{weekday} {month}/{day} {time}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="167"/>
        <source>今日 {spans}</source>
        <translation>Today {spans}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="168"/>
        <source>{start}-次日{end}</source>
        <translation>{start}-{end} (next day)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="169"/>
        <source>{first}、{last}</source>
        <translation>{first}, {last}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="170"/>
        <source>{first}至{last}</source>
        <translation>{first}-{last}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="171"/>
        <source>{days} 休息</source>
        <translation>{days} closed</translation>
    </message>
</context>
<context>
    <name>CredentialsScreen</name>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="43"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="54"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="55"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="56"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="57"/>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="67"/>
        <source>6-16位字母或数字</source>
        <translation>6-16 letters or digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="70"/>
        <source>6-24位字母或数字</source>
        <translation>6-24 letters or digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="73"/>
        <source>请再次输入密码</source>
        <translation>Enter the password again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="75"/>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="79"/>
        <source>阅读并接受</source>
        <translation>I have read and accept the</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="81"/>
        <source>《个人用户注册协议》</source>
        <translation>Personal User Registration Agreement</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="118"/>
        <source>填写注册信息</source>
        <translation>Account details</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="123"/>
        <source>所属中心：{center}
身份证号：{id}&#x3000;&#x3000;手机号码：{phone}</source>
        <translation>Fund center: {center}
ID number: {id}    Mobile: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/credentials.py" line="215"/>
        <source>个人用户注册协议</source>
        <translation>Personal User Registration Agreement</translation>
    </message>
</context>
<context>
    <name>DemoInbox</name>
    <message>
        <location filename="../../kiosk/ui/demo_inbox.py" line="31"/>
        <source>演示短信收件箱（仅演示模式）</source>
        <translation>Demo SMS inbox (demo mode only)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_inbox.py" line="47"/>
        <source>演示居民（虚构数据）</source>
        <translation>Demo residents (fictitious data)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_inbox.py" line="49"/>
        <source>演示短信网关已发送的短信（最新在前）</source>
        <translation>Messages sent by the demo SMS gateway (newest first)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_inbox.py" line="61"/>
        <source>已注册 {u}</source>
        <translation>registered as {u}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_inbox.py" line="63"/>
        <source>未注册</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_inbox.py" line="66"/>
        <source>  密码 {p}</source>
        <translation>  password {p}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../kiosk/ui/field.py" line="86"/>
        <source>必填</source>
        <extracomment>Kinds accepted by :meth:`Field.set_message`.</extracomment>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/field.py" line="105"/>
        <location filename="../../kiosk/ui/field.py" line="303"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/field.py" line="110"/>
        <location filename="../../kiosk/ui/field.py" line="304"/>
        <source>显示密码</source>
        <translation>Show password</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/field.py" line="303"/>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/field.py" line="304"/>
        <source>隐藏密码</source>
        <translation>Hide password</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="96"/>
        <source>用户注册</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="97"/>
        <source>第一步 身份验证</source>
        <translation>Step 1: Verify identity</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="98"/>
        <source>第二步 填写注册信息</source>
        <translation>Step 2: Account details</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="99"/>
        <source>注册成功</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="100"/>
        <source>密码找回</source>
        <translation>Recover password</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="101"/>
        <source>第二步 修改密码</source>
        <translation>Step 2: New password</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="102"/>
        <source>修改完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="103"/>
        <source>用户登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>FooterBar</name>
    <message>
        <location filename="../../kiosk/ui/footer.py" line="26"/>
        <source>公积金服务热线 12329</source>
        <translation>Provident fund hotline 12329</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="114"/>
        <source>暂时无法获取办事指南，请稍后再试，或拨打12329热线咨询。</source>
        <translation>The service guide is unavailable right now. Please try again later or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="128"/>
        <source>返回目录</source>
        <translation>Back to contents</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="154"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="203"/>
        <source>正在加载，请稍候……</source>
        <translation>Loading, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="225"/>
        <source>暂时无法打开这篇指南，请返回目录稍后再试，或拨打12329热线咨询。</source>
        <translation>This guide cannot be opened right now. Go back to the contents and try again later, or call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../kiosk/ui/header.py" line="47"/>
        <location filename="../../kiosk/ui/header.py" line="120"/>
        <source>宁夏住房公积金网上业务大厅 | 个人用户</source>
        <extracomment>中文/English (the composition root wires it and decides when it is shown).</extracomment>
        <translation>Ningxia Housing Provident Fund Online Service Hall | Personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="56"/>
        <location filename="../../kiosk/ui/header.py" line="121"/>
        <source>大字</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="59"/>
        <location filename="../../kiosk/ui/header.py" line="122"/>
        <source>大字模式</source>
        <translation>Large text mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="147"/>
        <source>星期一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="148"/>
        <source>星期二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="149"/>
        <source>星期三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="150"/>
        <source>星期四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="151"/>
        <source>星期五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="152"/>
        <source>星期六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="153"/>
        <source>星期日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/header.py" line="157"/>
        <source>yyyy年M月d日</source>
        <translation>yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/screens/home.py" line="56"/>
        <source>欢迎使用住房公积金自助服务终端，请点击您要办理的业务</source>
        <extracomment>Targets that need the center (flows): refused up front while it is unreachable.</extracomment>
        <translation>Welcome to the Housing Provident Fund self-service kiosk. Tap a service to begin.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="62"/>
        <source>用户注册</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="62"/>
        <source>首次使用网上业务大厅</source>
        <translation>First time in the Online Service Hall</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="63"/>
        <source>用户登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="63"/>
        <source>查询账户、办理提取和贷款</source>
        <translation>Account, withdrawals and loans</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="66"/>
        <source>密码找回</source>
        <translation>Recover password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="67"/>
        <source>忘记密码，用短信验证码重设</source>
        <translation>Forgot it? Reset by SMS code</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="71"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="71"/>
        <source>各项业务的条件和所需材料</source>
        <translation>Requirements and documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="74"/>
        <source>网点查询</source>
        <translation>Service points</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="75"/>
        <source>服务网点地图、地址和办公时间</source>
        <translation>Map, addresses and hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="108"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="160"/>
        <source>暂时无法连接公积金中心，{service}暂不可用，请稍后再试；如急需办理，请到柜台或拨打12329热线。</source>
        <translation>The fund center cannot be reached right now, so {service} is unavailable. Please try again later; for urgent matters, go to a service counter or call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="34"/>
        <source>发送验证码</source>
        <translation>Send code</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="44"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="48"/>
        <source>请输入第二代居民身份证号码</source>
        <translation>Enter your 18-digit resident ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="49"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="53"/>
        <source>请输入在中心预留的手机号码</source>
        <translation>Mobile number registered with the center</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="76"/>
        <source>身份验证</source>
        <translation>Verify identity</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identity.py" line="81"/>
        <source>所属中心：</source>
        <translation>Fund center: </translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="27"/>
        <source>温馨提示：</source>
        <translation>Tips:</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="28"/>
        <source>1、输入身份证号与手机号码之后，点击“发送验证码”按钮，系统会自动向您身份证号所绑定的手机号发送验证短信；</source>
        <translation>1. Enter your ID number and mobile number, then tap “Send code”: a text message is sent to the mobile number linked to your ID number.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="29"/>
        <source>2、如果您的手机号码非宁夏本地号码或空号，短信验证码会发送失败；</source>
        <translation>2. The code cannot be sent to a number outside Ningxia or to a number not in service.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="30"/>
        <source>3、若提示您的手机号码与身份证号不匹配，请您携带本人身份证和单位开具的介绍信到公积金缴交银行柜台或公积金管理中心柜台变更您的身份证号或手机号码；</source>
        <translation>3. If your mobile number does not match your ID number, bring your ID card and a letter from your employer to the counter of your deposit bank or of the fund center to update them.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="31"/>
        <source>4、如果还有其他疑问，请您拨打12329公积金热线进行咨询。</source>
        <translation>4. For any other questions, call the 12329 provident fund hotline.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../../kiosk/ui/idle_guard.py" line="310"/>
        <source>继续</source>
        <extracomment>The warning lasts at least this long, so a slow resident can react.</extracomment>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle_guard.py" line="339"/>
        <source>您已长时间未操作，将在 {seconds} 秒后返回首页并清除已填写的信息</source>
        <translation>No activity for a while. In {seconds} s the kiosk returns to the home screen and clears what you entered.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="74"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="62"/>
        <source>屏幕键盘</source>
        <translation>On-screen keyboard</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="75"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="77"/>
        <location filename="../../kiosk/ui/keyboard.py" line="110"/>
        <source>大写</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="82"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="110"/>
        <source>小写</source>
        <translation>abc</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="47"/>
        <source>数字键盘</source>
        <translation>Number pad</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="76"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="78"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>LoanApplyScreen</name>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="92"/>
        <location filename="../../kiosk/screens/loan_apply.py" line="450"/>
        <source>提交申请</source>
        <extracomment>center error field → the form field that shows it</extracomment>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="119"/>
        <source>房屋地址</source>
        <translation>Property address</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="122"/>
        <source>如 银川市金凤区XX小区3号楼2单元501</source>
        <translation>e.g. Flat 501, Unit 2, Building 3, XX Estate, Jinfeng, Yinchuan</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="125"/>
        <source>建筑面积（㎡）</source>
        <translation>Floor area (㎡)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="127"/>
        <source>房屋总价（元）</source>
        <translation>Property price (yuan)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="129"/>
        <source>贷款金额（元）</source>
        <translation>Loan amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="131"/>
        <source>配偶姓名</source>
        <translation>Spouse&apos;s name</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="135"/>
        <source>选填，签约时到柜台核对</source>
        <translation>Optional: checked at the counter when signing</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="139"/>
        <source>配偶身份证号</source>
        <translation>Spouse&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="141"/>
        <source>还款银行卡号</source>
        <translation>Repayment card number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="143"/>
        <source>年</source>
        <translation> yrs</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="162"/>
        <source>贷款期限</source>
        <translation>Loan term</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="163"/>
        <source>还款方式</source>
        <translation>Repayment method</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="164"/>
        <source>住房套数</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="165"/>
        <source>申请人</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="168"/>
        <source>还款银行</source>
        <translation>Repayment bank</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="184"/>
        <source>查询结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="200"/>
        <source>查看办理进度</source>
        <translation>View progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="234"/>
        <source>我要贷款 · 贷款申请</source>
        <translation>Loans · Apply</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="254"/>
        <source>请填写所购住房的详细地址。</source>
        <translation>Please enter the full address of the home you are buying.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="264"/>
        <source>建筑面积格式不正确，请填写数字，如 89.5。</source>
        <translation>Please enter the floor area as a number, e.g. 89.5.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="270"/>
        <source>身份证号应为18位。</source>
        <translation>The ID number must have 18 characters.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="274"/>
        <source>还款银行卡号应为12-19位数字，请核对后重新输入。</source>
        <translation>The repayment card number must have 12-19 digits. Please check it and try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="358"/>
        <source>重新提交</source>
        <translation>Submit again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="404"/>
        <source>贷款申请已提交，中心已受理！</source>
        <translation>Loan application submitted and accepted by the center!</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_apply.py" line="407"/>
        <source>申请编号：{no}
贷款金额：{amount}，{years}年，{method}
月还款额：{monthly}
还款银行卡：{bank} {card}
{next}</source>
        <translation>Application no.: {no}
Loan: {amount}, {years} years, {method}
Monthly repayment: {monthly}
Repayment card: {bank} {card}
{next}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="38"/>
        <source>中心没有这笔贷款申请的记录。您可以点击“重新提交”再次提交，系统会沿用本次申请编号，不会重复申请。</source>
        <translation>The fund center has no record of this loan application. You can tap “Submit again”: the kiosk reuses this application number, so it cannot be filed twice.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="39"/>
        <source>仍无法确认申请结果，请点击“查询结果”；如长时间无结果，请到柜台或拨打12329热线查询，切勿重复申请。</source>
        <translation>The result still cannot be confirmed. Tap “Check result”; if there is no result after a while, go to a service counter or call the 12329 hotline. Do not apply again.</translation>
    </message>
</context>
<context>
    <name>LoanOptions</name>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="59"/>
        <source>等额本息</source>
        <translation>Equal installments</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="60"/>
        <source>等额本金</source>
        <translation>Equal principal</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="61"/>
        <source>首套住房</source>
        <translation>First home</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="62"/>
        <source>第二套住房</source>
        <translation>Second home</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="63"/>
        <source>单人申请</source>
        <translation>Single applicant</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="64"/>
        <source>夫妻共同申请</source>
        <translation>Joint with spouse</translation>
    </message>
</context>
<context>
    <name>LoanProgressScreen</name>
    <message>
        <location filename="../../kiosk/screens/loan_progress.py" line="52"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_progress.py" line="73"/>
        <source>我要贷款 · 申请进度</source>
        <translation>Loans · Progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_progress.py" line="115"/>
        <source>您还没有贷款申请。可在“贷款试算”页面点击“申请贷款”提交申请。</source>
        <translation>You have no loan applications yet. To apply, tap “Apply for a loan” on the loan estimate page.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_progress.py" line="131"/>
        <source>申请编号 {no}&#x3000;当前状态：{status}</source>
        <translation>Application {no}  Status: {status}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan_progress.py" line="139"/>
        <source>{amount}，{years}年，{method}，月还款{monthly}；{home}：{address}</source>
        <translation>{amount}, {years} years, {method}, {monthly} a month; {home}: {address}</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="40"/>
        <source>暂时无法获取贷款申请进度，请点击“刷新”再试，或拨打12329热线咨询。</source>
        <translation>The progress of your loan applications is unavailable right now. Tap “Refresh” to try again, or call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>LoanQuoteScreen</name>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="64"/>
        <source>开始试算</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="74"/>
        <source>申请贷款</source>
        <translation>Apply for a loan</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="77"/>
        <source>申请进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="85"/>
        <source>贷款金额（元）</source>
        <translation>Loan amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="89"/>
        <source>如 500000</source>
        <translation>e.g. 500000</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="90"/>
        <source>房屋总价（元）</source>
        <translation>Property price (yuan)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="94"/>
        <source>选填，用于核算首付比例</source>
        <translation>Optional, to check the down payment</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="97"/>
        <source>年</source>
        <translation> yrs</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="108"/>
        <source>贷款期限</source>
        <translation>Loan term</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="109"/>
        <source>还款方式</source>
        <translation>Repayment method</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="110"/>
        <source>住房套数</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="111"/>
        <source>申请人</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="183"/>
        <source>我要贷款 · 贷款试算</source>
        <translation>Loans · Estimate</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="201"/>
        <source>当前公积金贷款年利率：首套{short}年及以下{a}%、{short}年以上{b}%；第二套{short}年及以下{c}%、{short}年以上{d}%。</source>
        <translation>Current provident fund loan rates a year: first home {a}% up to {short} years, {b}% over {short} years; second home {c}% up to {short} years, {d}% over {short} years.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="268"/>
        <source>每月还款</source>
        <translation>Monthly repayment</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="270"/>
        <source>首月还款</source>
        <translation>First month&apos;s repayment</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="275"/>
        <source>{method}，{months}期，年利率{rate}%
利息总额 {interest}
还款总额 {total}
末期还款 {last}</source>
        <translation>{method}, {months} months, {rate}% a year
Total interest {interest}
Total repaid {total}
Last repayment {last}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="295"/>
        <source>您最高可贷 {amount}，最长 {years} 年</source>
        <translation>You can borrow up to {amount} for up to {years} years</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/loan.py" line="307"/>
        <source>：{n}年</source>
        <translation>: {n} years</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="32"/>
        <source>期数</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="33"/>
        <source>月还款额（元）</source>
        <translation>Repayment (yuan)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="34"/>
        <source>本金（元）</source>
        <translation>Principal (yuan)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="35"/>
        <source>利息（元）</source>
        <translation>Interest (yuan)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="36"/>
        <source>剩余本金（元）</source>
        <translation>Balance owed (yuan)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="37"/>
        <source>试算暂不可用，请稍后再试或拨打12329热线。</source>
        <translation>The loan calculator is unavailable right now. Please try again later or call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../kiosk/screens/login.py" line="42"/>
        <source>登录</source>
        <extracomment>Error codes after which the password is wiped (it was checked and found wrong).</extracomment>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="50"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="54"/>
        <source>请输入用户名</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="55"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="59"/>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="87"/>
        <source>用户登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="91"/>
        <source>所属中心：</source>
        <translation>Fund center: </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/login.py" line="157"/>
        <source>请重新输入密码。</source>
        <translation>Please enter your password again.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="41"/>
        <source>温馨提示：</source>
        <translation>Tips:</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="42"/>
        <source>1、本系统登录账号与“宁夏住房公积金服务APP”登录账号通用；</source>
        <translation>1. The same account works in the Ningxia Housing Provident Fund app.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="43"/>
        <source>2、忘记密码可返回首页点击“密码找回”，通过身份证号和短信验证码重新设置；</source>
        <translation>2. Forgot your password? On the home screen tap “Recover password” and reset it with your ID number and an SMS code.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="44"/>
        <source>3、办理完毕请点击“退出登录”，以免他人使用您的账户；</source>
        <translation>3. When you are done, tap “Sign out” so that no one else can use your account.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="45"/>
        <source>4、如果还有其他疑问，请您拨打12329公积金热线进行咨询。</source>
        <translation>4. For any other questions, call the 12329 provident fund hotline.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="79"/>
        <location filename="../../kiosk/ui/shell.py" line="272"/>
        <source>宁夏住房公积金网上业务大厅 | 个人用户</source>
        <translation>Ningxia Housing Provident Fund Online Service Hall | Personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="102"/>
        <location filename="../../kiosk/ui/shell.py" line="418"/>
        <location filename="../../kiosk/ui/shell.py" line="422"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="106"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="418"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="5"/>
        <source>暂时无法连接公积金中心：注册、登录、找回密码及业务办理暂不可用；二维码、网点、办公时间和办事指南仍可查看。如需办理请拨打12329热线。</source>
        <translation>The fund center cannot be reached right now: registration, sign-in, password recovery and transactions are unavailable. QR codes, service points, opening hours and the service guide still work. For urgent matters, call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="6"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="7"/>
        <source>恭喜您，注册成功！</source>
        <translation>Registration complete!</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="8"/>
        <source>您可使用注册的用户名和密码登录网上业务大厅，该账号与“宁夏住房公积金服务APP”通用。</source>
        <translation>Sign in to the Online Service Hall with your new user name and password. The same account works in the Ningxia Housing Provident Fund app.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="9"/>
        <source>{n}秒后返回首页</source>
        <translation>Returning to the home screen in {n} s</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="10"/>
        <source>去登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="11"/>
        <source>恭喜你，密码修改成功!</source>
        <translation>Your password has been changed!</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="12"/>
        <source>请使用新密码登录；新密码在“宁夏住房公积金服务APP”同样适用。</source>
        <translation>Please sign in with your new password. It also works in the Ningxia Housing Provident Fund app.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="13"/>
        <source>{n}秒后跳转至个人登录首页</source>
        <translation>Going to the sign-in screen in {n} s</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="14"/>
        <source>点击返回登录</source>
        <translation>Back to sign in</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../kiosk/ui/map_panel.py" line="367"/>
        <source>示意图</source>
        <extracomment>The extent of Ningxia (west, south, east, north), in degrees. City and county seats for orientation: (name, lon, lat, prefecture-level). Smallest span shown, in degrees of latitude, so close points are not drawn on top of each other while the cities around them still give a sense of place.</extracomment>
        <translation>Sketch map</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="65"/>
        <source>银川</source>
        <translation>Yinchuan</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="66"/>
        <source>石嘴山</source>
        <translation>Shizuishan</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="67"/>
        <source>吴忠</source>
        <translation>Wuzhong</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="68"/>
        <source>固原</source>
        <translation>Guyuan</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="69"/>
        <source>中卫</source>
        <translation>Zhongwei</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="70"/>
        <source>贺兰</source>
        <translation>Helan</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="71"/>
        <source>永宁</source>
        <translation>Yongning</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="72"/>
        <source>灵武</source>
        <translation>Lingwu</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="73"/>
        <source>平罗</source>
        <translation>Pingluo</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="74"/>
        <source>青铜峡</source>
        <translation>Qingtongxia</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="75"/>
        <source>中宁</source>
        <translation>Zhongning</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="76"/>
        <source>盐池</source>
        <translation>Yanchi</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="77"/>
        <source>同心</source>
        <translation>Tongxin</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="78"/>
        <source>海原</source>
        <translation>Haiyuan</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="79"/>
        <source>西吉</source>
        <translation>Xiji</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="80"/>
        <source>隆德</source>
        <translation>Longde</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="81"/>
        <source>泾源</source>
        <translation>Jingyuan</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="82"/>
        <source>彭阳</source>
        <translation>Pengyang</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <location filename="../../kiosk/ui/pickers.py" line="165"/>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
</context>
<context>
    <name>NewPasswordScreen</name>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="44"/>
        <source>提交</source>
        <extracomment>Errors after which the reset token is spent: the resident must verify the phone again.</extracomment>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="54"/>
        <source>登录账号</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="57"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="58"/>
        <source>新密码确认</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="64"/>
        <source>6-24位字母或数字</source>
        <translation>6-24 letters or digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="65"/>
        <source>请再次输入新密码</source>
        <translation>Enter the new password again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="70"/>
        <source>修改后的密码在“宁夏住房公积金服务APP”同样适用；修改成功后请使用新密码登录。</source>
        <translation>The new password also works in the Ningxia Housing Provident Fund app. Sign in with it once it is changed.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="94"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="99"/>
        <source>所属中心：{center}&#x3000;&#x3000;身份证号：{id}&#x3000;&#x3000;手机号码：{phone}</source>
        <translation>Fund center: {center}    ID number: {id}    Mobile: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/new_password.py" line="169"/>
        <source>身份验证已过期，请点击“取消”后重新进行身份验证；如有疑问请拨打12329热线。</source>
        <translation>Your identity check has expired. Tap “Cancel” and verify again; for help, call the 12329 hotline.</translation>
    </message>
</context>
<context>
    <name>PointsScreen</name>
    <message>
        <location filename="../../kiosk/screens/points.py" line="130"/>
        <source>请点击地图上的编号或列表中的网点，查看地址、电话和办公时间</source>
        <translation>Tap a number on the map or a service point in the list to see its address, phone and hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="180"/>
        <source>网点查询</source>
        <translation>Service points</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="287"/>
        <source>地址：{address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="288"/>
        <source>电话：{phone}</source>
        <translation>Phone: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="289"/>
        <source>办公时间：</source>
        <translation>Opening hours:</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="289"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="292"/>
        <source>可办业务：</source>
        <translation>Services:</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="297"/>
        <source>扫码导航</source>
        <translation>Scan for directions</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/points.py" line="297"/>
        <source>用手机地图前往</source>
        <translation>Open in your phone&apos;s map app</translation>
    </message>
</context>
<context>
    <name>QrCard</name>
    <message>
        <location filename="../../kiosk/ui/qr.py" line="134"/>
        <source>暂无</source>
        <extracomment>Smallest side of a shown code, for scanning at arm&apos;s length.</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qr.py" line="144"/>
        <source>{title}二维码</source>
        <translation>{title} QR code</translation>
    </message>
</context>
<context>
    <name>QueryScreen</name>
    <message>
        <location filename="../../kiosk/screens/query.py" line="98"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="110"/>
        <source>缴存明细</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="110"/>
        <source>提取记录</source>
        <translation>Withdrawals</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="120"/>
        <source>起始月份</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="121"/>
        <source>结束月份</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="136"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="139"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="144"/>
        <source>打印明细</source>
        <translation>Print statement</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="196"/>
        <source>信息查询</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="223"/>
        <source>起始月份不能晚于结束月份，请重新选择。</source>
        <translation>The start month cannot be after the end month. Please choose again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="277"/>
        <source>{a} 至 {b}：共{n}笔&#x3000;缴存合计 {d}&#x3000;提取合计 {w}&#x3000;结息合计 {i}</source>
        <translation>{a} to {b}: {n} entries  Deposits {d}  Withdrawals {w}  Interest {i}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="294"/>
        <source>第{p}/{n}页</source>
        <translation>Page {p}/{n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="330"/>
        <source>暂无提取记录。</source>
        <translation>No withdrawals yet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="339"/>
        <source>正在准备明细…</source>
        <translation>Preparing the statement…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/query.py" line="370"/>
        <source>明细正在打印，请在出纸口取走。</source>
        <translation>Printing the statement. Please take it from the printer slot.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="46"/>
        <source>暂时无法查询，请稍后点击“查询”重试，或拨打12329热线咨询。</source>
        <translation>The query is unavailable right now. Tap “Query” to try again later, or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="47"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="48"/>
        <source>业务类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="49"/>
        <source>摘要</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="50"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="51"/>
        <source>余额（元）</source>
        <translation>Balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="52"/>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="53"/>
        <source>提取原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="54"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="55"/>
        <source>业务编号</source>
        <translation>Reference no.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <location filename="../../kiosk/ui/screen.py" line="81"/>
        <source>正在查询，请稍候…</source>
        <extracomment>Dynamic property a QLineEdit sets to choose its on-screen input: &quot;digits&quot;, &quot;id&quot; or &quot;text&quot;. Text of the shell&apos;s primary button, or None for a screen without one. Idle limit class: &quot;form&quot; (60 s) or &quot;account&quot; (90 s) or &quot;public&quot; (no idle reset needed).</extracomment>
        <translation>Loading, please wait…</translation>
    </message>
</context>
<context>
    <name>ServiceInfo</name>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="83"/>
        <source>手机扫码打开</source>
        <translation>Scan with your phone</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="84"/>
        <source>微信扫一扫，关注公众号</source>
        <translation>Scan in WeChat to follow us</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="85"/>
        <source>安卓手机扫码下载</source>
        <translation>Scan to get the Android app</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="86"/>
        <source>苹果手机扫码下载</source>
        <translation>Scan to get the iPhone app</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="87"/>
        <source>手机扫码访问官网</source>
        <translation>Scan to visit our website</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="88"/>
        <source>微信公众号</source>
        <translation>WeChat account</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="89"/>
        <source>APP（Android版）</source>
        <translation>App (Android)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="90"/>
        <source>APP（iOS版）</source>
        <translation>App (iOS)</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="91"/>
        <source>官方网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="92"/>
        <source>二维码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="93"/>
        <source>今日工作时间</source>
        <translation>Today&apos;s hours</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="94"/>
        <source>暂无办公时间信息</source>
        <translation>No opening hours available</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="95"/>
        <source>请拨打12329热线咨询</source>
        <translation>Please call the 12329 hotline</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="254"/>
        <source>员工维护面板</source>
        <translation>Staff maintenance panel</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="260"/>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="279"/>
        <source>终端编号</source>
        <translation>Kiosk ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="280"/>
        <source>软件版本</source>
        <translation>Software version</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="281"/>
        <source>中心地址</source>
        <translation>Center address</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="282"/>
        <source>中心连接</source>
        <translation>Center connection</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="283"/>
        <source>参考数据</source>
        <translation>Reference data</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="284"/>
        <source>设备状态</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="286"/>
        <source>刷新参考数据</source>
        <translation>Refresh reference data</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="287"/>
        <source>打印测试页</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="288"/>
        <source>重启</source>
        <translation>Restart</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="290"/>
        <source>退出到维护模式</source>
        <translation>Exit to maintenance mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="292"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="306"/>
        <source>最近的错误</source>
        <translation>Recent errors</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="331"/>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="340"/>
        <source>正常应答</source>
        <translation>Responding</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="344"/>
        <source>无应答：%1</source>
        <translation>No response: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="350"/>
        <source>尚未从中心获取（使用内置数据）</source>
        <translation>Not fetched from the center yet (using bundled data)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/staff.py" line="352"/>
        <source>%n 秒前更新</source>
        <translation>
            <numerusform>Updated %n second ago</numerusform>
            <numerusform>Updated %n seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/staff.py" line="354"/>
        <source>%n 分钟前更新</source>
        <translation>
            <numerusform>Updated %n minute ago</numerusform>
            <numerusform>Updated %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/staff.py" line="356"/>
        <source>%n 小时前更新</source>
        <translation>
            <numerusform>Updated %n hour ago</numerusform>
            <numerusform>Updated %n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="361"/>
        <source>未配置外接设备</source>
        <translation>No external devices configured</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="363"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="363"/>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="365"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="366"/>
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="367"/>
        <source>故障</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="368"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="378"/>
        <source>本次运行没有错误记录。</source>
        <translation>No errors since start-up.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="384"/>
        <source>已开始刷新参考数据。</source>
        <translation>Refreshing the reference data.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="392"/>
        <source>住房公积金自助终端 测试页</source>
        <translation>Housing Provident Fund kiosk test page</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="393"/>
        <source>终端编号：%1</source>
        <translation>Kiosk ID: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="394"/>
        <source>软件版本：%1</source>
        <translation>Software version: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="400"/>
        <source>测试页打印失败，请检查打印机。</source>
        <translation>The test page failed to print. Please check the printer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="402"/>
        <source>测试页已发送到：%1</source>
        <translation>Test page sent to: %1</translation>
    </message>
</context>
<context>
    <name>StaffPinDialog</name>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="94"/>
        <source>员工验证</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="96"/>
        <source>请输入员工 PIN</source>
        <translation>Enter the staff PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="107"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="110"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="128"/>
        <source>本机未设置员工 PIN，请联系信息技术部门。</source>
        <translation>No staff PIN is set on this kiosk. Please contact IT.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="172"/>
        <source>无法验证 PIN，请重试。</source>
        <translation>The PIN could not be checked. Please try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="179"/>
        <source>正在验证……</source>
        <translation>Checking…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/staff.py" line="185"/>
        <source>PIN 错误，请 %n 秒后重试。</source>
        <translation>
            <numerusform>Wrong PIN. Try again in %n second.</numerusform>
            <numerusform>Wrong PIN. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="197"/>
        <source>PIN 错误，请重新输入员工 PIN。</source>
        <translation>Wrong PIN. Please enter the staff PIN again.</translation>
    </message>
</context>
<context>
    <name>StepHeader</name>
    <message>
        <location filename="../../kiosk/ui/step_header.py" line="109"/>
        <source>第{current}步，共{total}步：{name}</source>
        <translation>Step {current} of {total}: {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_header.py" line="114"/>
        <source>全部步骤已完成</source>
        <translation>All steps completed</translation>
    </message>
</context>
<context>
    <name>StepUpBox</name>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="60"/>
        <location filename="../../kiosk/ui/step_up.py" line="125"/>
        <location filename="../../kiosk/ui/step_up.py" line="182"/>
        <source>获取验证码</source>
        <translation>Get code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="64"/>
        <source>短信验证码</source>
        <translation>SMS code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="69"/>
        <source>请输入6位短信验证码</source>
        <translation>Enter the 6-digit SMS code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="71"/>
        <location filename="../../kiosk/ui/step_up.py" line="127"/>
        <source>为保障资金安全，请点击“获取验证码”，验证码将发送至您在中心预留的手机。</source>
        <translation>To keep your funds safe, tap “Get code”. The code is sent to the mobile number registered with the center.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="153"/>
        <source>验证码已发送至 {phone}，请查收短信并在5分钟内填写。</source>
        <translation>A code was sent to {phone}. Please enter it within 5 minutes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="176"/>
        <source>{n}秒后重新获取</source>
        <translation>Resend in {n} s</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/step_up.py" line="182"/>
        <source>重新获取验证码</source>
        <translation>Resend code</translation>
    </message>
</context>
<context>
    <name>WithdrawScreen</name>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="122"/>
        <source>请选择提取原因。标有“即时到账”的可在本机办理，其余业务需携带材料到柜台办理。</source>
        <translation>Choose a reason for the withdrawal. Those marked “Instant” can be done here; for the others, bring the documents to a service counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="136"/>
        <source>重新加载</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="164"/>
        <source>全部可提金额</source>
        <translation>Full available amount</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="168"/>
        <source>提取金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="173"/>
        <source>请输入提取金额</source>
        <translation>Enter the amount</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="179"/>
        <source>查询结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="183"/>
        <source>重选提取原因</source>
        <translation>Choose another reason</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="217"/>
        <location filename="../../kiosk/screens/withdraw.py" line="558"/>
        <source>打印回单</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="257"/>
        <source>我要提取</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="315"/>
        <source>即时到账</source>
        <translation>Instant</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="315"/>
        <source>需带材料到柜台</source>
        <translation>At a counter, with documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="317"/>
        <source>暂不可提取</source>
        <translation>Not available now</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="319"/>
        <source>可提 {amount}</source>
        <translation>Up to {amount}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="345"/>
        <source>办理条件：</source>
        <translation>Requirements:</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="351"/>
        <source>您目前不能办理此项提取</source>
        <translation>You cannot make this withdrawal at present</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="354"/>
        <source>您现在最多可提取 {amount}</source>
        <translation>You can withdraw up to {amount} now</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="362"/>
        <source>柜台办理需携带：
</source>
        <translation>Bring to the counter:
</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="373"/>
        <source>此项提取需一次提取全部余额并销户。</source>
        <translation>This withdrawal takes out the whole balance and closes the account.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="377"/>
        <source>提取资金将实时划转至您的银行卡：{bank} {card}</source>
        <translation>The money is transferred at once to your bank card: {bank} {card}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="387"/>
        <source>确认提取</source>
        <translation>Confirm withdrawal</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="389"/>
        <source>生成办理清单</source>
        <translation>Create checklist</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="484"/>
        <source>重新提交</source>
        <translation>Submit again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="543"/>
        <source>提取成功！{amount}已划转至您的银行卡 {card}</source>
        <translation>Withdrawal complete! {amount} has been sent to your bank card {card}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="549"/>
        <source>提取后账户余额：{balance}</source>
        <translation>Balance after withdrawal: {balance}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="554"/>
        <source>业务流水号：{no}
到账时间以银行为准，请点击“打印回单”留存；办理完毕请点击“返回”。</source>
        <translation>Transaction no.: {no}
Arrival time depends on your bank. Tap “Print receipt” to keep a copy; when you are done, tap “Back”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="560"/>
        <source>已生成办理清单，请携带以下材料到柜台办理</source>
        <translation>Checklist created. Bring these documents to a service counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="562"/>
        <source>清单编号：{no}</source>
        <translation>Checklist no.: {no}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="565"/>
        <source>有效期至：{d}</source>
        <translation>Valid until: {d}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="568"/>
        <source>办理网点：{name}（{address}，电话{phone}）</source>
        <translation>Service point: {name} ({address}, phone {phone})</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="577"/>
        <source>打印办理清单</source>
        <translation>Print checklist</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/withdraw.py" line="592"/>
        <source>正在打印，请在出纸口取走回单。</source>
        <translation>Printing. Please take the receipt from the printer slot.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="56"/>
        <source>暂时无法获取提取业务信息，请点击“重新加载”再试，或拨打12329热线咨询。</source>
        <translation>Withdrawal information is unavailable right now. Tap “Reload” to try again, or call the 12329 hotline.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="57"/>
        <source>中心没有这次提取的记录，资金未扣划。您可以点击“重新提交”再次提交，系统会沿用本次申请编号，不会重复扣款。</source>
        <translation>The fund center has no record of this withdrawal, and no money was deducted. You can tap “Submit again”: the kiosk reuses this request number, so you cannot be charged twice.</translation>
    </message>
    <message>
        <location filename="../../build/work/i18n/dynamic_strings.py" line="58"/>
        <source>仍无法确认办理结果，请勿离开并点击“查询结果”；如长时间无结果，请到柜台或拨打12329热线查询，切勿重复申请。</source>
        <translation>The result still cannot be confirmed. Please stay and tap “Check result”; if there is no result after a while, go to a service counter or call the 12329 hotline. Do not apply again.</translation>
    </message>
</context>
</TS>
