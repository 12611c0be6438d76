"""矿业权信息: mining-right transfer announcements and their result
publicity (自然资规〔2023〕1号, with the periods of the Sichuan rule as
configurable defaults), approval results, and the holders' 勘查开采信息公示,
each published as an item through 三审."""
