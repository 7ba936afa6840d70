SELECT kit_author.name, count(kit_book.id) AS n
FROM kit_author JOIN kit_book ON kit_book.author_id = kit_author.id
WHERE kit_author.name LIKE ? ESCAPE '\'
GROUP BY kit_author.name HAVING count(kit_book.id) > ?
ORDER BY kit_author.name
