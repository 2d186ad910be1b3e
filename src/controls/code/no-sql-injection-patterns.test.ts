import { testControl } from '../../testing/control-table.js';
import control from './no-sql-injection-patterns.js';

testControl(control, {
  pass: [
    { name: 'Python parameters', files: { 'app/db.py': 'cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))\nUser.objects.raw("SELECT * FROM app_user WHERE id = %s", [uid])\n' } },
    { name: 'pg placeholders and a tagged template', files: { 'src/db.ts': "await client.query('SELECT * FROM users WHERE id = $1', [id]);\nawait prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;\nknex.raw('select * from users where id = ?', [id]);\n" } },
    { name: 'concatenated constants', files: { 'src/q.js': "db.query('SELECT * FROM users ' + 'WHERE active = 1');\n" } },
    { name: 'Go placeholders', files: { 'db.go': 'rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE id = $1", id)\n' } },
    { name: 'Java PreparedStatement', files: { 'src/R.java': 'PreparedStatement ps = conn.prepareStatement("SELECT * FROM t WHERE id = ?");\n' } },
    { name: 'a non-SQL query call', files: { 'src/search.js': 'index.query(`title:${term}`);\n' } },
    {
      name: 'queries kept in names: constant, parameterised, appended with constants',
      files: {
        'app/q.py': 'query = "SELECT * FROM t WHERE id = %s"\ncursor.execute(query, (x,))\nsql = "SELECT * FROM t"\nsql += " WHERE active = 1"\ncursor.execute(sql)\n',
        'db.go': 'q := "SELECT name FROM users WHERE id = $1"\nrows, err := db.Query(q, id)\n',
      },
    },
    { name: 'injection only in a test', files: { 'tests/test_db.py': 'cursor.execute(f"SELECT * FROM t WHERE id = {x}")\n', 'app/x.py': 'x = 1\n' } },
  ],
  fail: [
    { name: 'Python f-string in cursor.execute', files: { 'app/db.py': 'cursor.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n' }, findings: [{ file: 'app/db.py', line: 1, message: 'an f-string' }] },
    { name: 'Python % formatting in raw()', files: { 'app/views.py': 'User.objects.raw("SELECT * FROM app_user WHERE name = \'%s\'" % name)\n' }, findings: [{ message: '% formatting' }] },
    { name: 'Django extra(where=) with format()', files: { 'app/q.py': 'qs.extra(where=["name = \'{}\'".format(name)])\n' }, findings: [{ message: 'str.format()' }] },
    { name: 'RawSQL with concatenation', files: { 'app/q.py': 'RawSQL("SELECT id FROM t WHERE x = " + value, [])\n' }, findings: 1 },
    { name: 'knex.raw template literal', files: { 'src/repo.ts': 'await knex.raw(`SELECT * FROM users WHERE id = ${req.params.id}`);\n' }, findings: [{ message: 'template-literal interpolation' }] },
    { name: 'sequelize.query on a wrapped line', files: { 'src/repo.js': 'await sequelize.query(\n  `DELETE FROM sessions WHERE user = ${user}`\n);\n' }, findings: [{ line: 1 }] },
    { name: 'mysql concatenation', files: { 'src/m.js': "connection.query('SELECT * FROM users WHERE email = \\'' + email + '\\'', cb);\n" }, findings: [{ message: 'concatenation' }] },
    { name: 'Go fmt.Sprintf', files: { 'db.go': 'rows, _ := db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name))\n' }, findings: [{ message: 'fmt.Sprintf' }] },
    { name: 'Java Statement concatenation', files: { 'src/D.java': 'ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE id = " + id);\n' }, findings: 1 },
    { name: 'PHP mysqli_query interpolation and concatenation', files: { 'a.php': '<?php\nmysqli_query($conn, "SELECT * FROM users WHERE id = $id");\nmysqli_query($conn, "SELECT * FROM t WHERE n = \'" . $_GET["n"] . "\'");\n' }, findings: 2 },
    {
      name: 'a query built on an earlier line and run by name',
      files: {
        'app/views.py': 'query = f"SELECT * FROM users WHERE name = \'{name}\'"\ncursor.execute(query)\n',
        'db.go': 'q := fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name)\nrows, _ := db.Query(q)\n',
        'a.php': '<?php\n$sql = "SELECT * FROM u WHERE id = " . $_GET["id"];\n$r = mysqli_query($conn, $sql);\n',
        'src/D.java': 'String q = "SELECT * FROM t WHERE id = " + id;\nResultSet rs = stmt.executeQuery(q);\n',
      },
      findings: [
        { file: 'a.php', line: 3, message: 'concatenation on line 2' },
        { file: 'app/views.py', line: 2, message: 'an f-string on line 1' },
        { file: 'db.go', line: 2, message: 'fmt.Sprintf() on line 1' },
        { file: 'src/D.java', line: 2, message: 'concatenation on line 1' },
      ],
    },
    {
      name: 'a SQL constant formatted or appended with values',
      files: { 'app/q.py': 'SQL = "SELECT * FROM t WHERE id = %s"\ncursor.execute(SQL % uid)\nsql = "SELECT * FROM t WHERE 1=1"\nsql += " AND name = \'" + name + "\'"\ncursor.execute(sql)\n' },
      findings: [{ line: 2, message: '% formatting' }, { line: 5, message: 'concatenation on line 4' }],
    },
    { name: 'Rails where with interpolation', files: { 'app/models/u.rb': 'User.where("name = \'#{params[:name]}\'")\n' }, findings: 1 },
  ],
  notApplicable: [{ name: 'no source files', files: { 'schema.sql': 'CREATE TABLE t (id int);\n' } }],
});
